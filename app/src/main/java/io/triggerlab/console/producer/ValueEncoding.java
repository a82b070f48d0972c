package io.triggerlab.console.producer;

import io.triggerlab.engine.infra.schema.SchemaFormat;

/** How the producer writes a value: as typed, or encoded with a registry's schema and framed with its id. */
public enum ValueEncoding {
    NONE("None: bytes as typed", null),
    AVRO("Avro", SchemaFormat.AVRO),
    PROTOBUF("Protobuf", SchemaFormat.PROTOBUF),
    JSON_SCHEMA("JSON Schema", SchemaFormat.JSON);

    private final String label;
    private final SchemaFormat format;

    ValueEncoding(String label, SchemaFormat format) {
        this.label = label;
        this.format = format;
    }

    /** The registry's format; {@code null} for {@link #NONE}. */
    public SchemaFormat format() {
        return format;
    }

    @Override
    public String toString() {
        return label;
    }
}
