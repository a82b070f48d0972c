package io.triggerlab.engine.client;

import io.triggerlab.engine.infra.schema.RegisteredSchema;
import io.triggerlab.engine.infra.schema.WireFraming;

import java.util.Objects;

/**
 * A schema ready to encode records with: registered (or found) in its registry, with the framing its id goes into.
 *
 * @param registry the registry's URL, or a Glue registry ARN
 * @param subject  the Confluent subject, or for Glue the schema version UUID
 * @param schema   the schema and its id
 * @param framing  Confluent's magic byte + 4-byte id, or Glue's 18-byte header
 */
public record PreparedSchema(String registry, String subject, RegisteredSchema schema, WireFraming.Registry framing) {

    public PreparedSchema {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(framing, "framing");
    }

    /** "Confluent wire format, schema id 3, subject orders-value, AVRO". */
    public String describe() {
        return framing == WireFraming.Registry.GLUE
                ? "AWS Glue header, schema version " + schema.id() + ", " + schema.format()
                : "Confluent wire format, schema id " + schema.id() + ", subject " + subject + ", " + schema.format();
    }
}
