package io.triggerlab.engine.infra.schema;

import java.util.Locale;

/** The data formats a schema registry serves, named as Lambda names them in {@code dataFormat}. */
public enum SchemaFormat {
    AVRO, PROTOBUF, JSON;

    /**
     * A registry's own name for the format: Confluent's {@code schemaType} (absent means Avro) or Glue's
     * {@code DataFormat}.
     */
    public static SchemaFormat fromRegistryName(String name) {
        if (name == null || name.isBlank()) {
            return AVRO;
        }
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "AVRO" -> AVRO;
            case "PROTOBUF" -> PROTOBUF;
            case "JSON" -> JSON;
            default -> throw new IllegalArgumentException("Unknown schema type '" + name
                    + "': a registry serves AVRO, PROTOBUF or JSON schemas");
        };
    }
}
