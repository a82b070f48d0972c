package io.triggerlab.engine.infra.schema;

import java.util.Map;
import java.util.Objects;

/**
 * A schema as a registry serves it.
 *
 * @param id         the id records name (Confluent's integer as text, or Glue's schema version UUID)
 * @param format     Avro, Protobuf or JSON Schema
 * @param text       the schema text ({@code .avsc} JSON, {@code .proto} source, or JSON Schema)
 * @param references for Protobuf, the text of each imported file by its import name (Confluent's references)
 */
public record RegisteredSchema(String id, SchemaFormat format, String text, Map<String, String> references) {

    public RegisteredSchema {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
        references = references == null ? Map.of() : Map.copyOf(references);
    }
}
