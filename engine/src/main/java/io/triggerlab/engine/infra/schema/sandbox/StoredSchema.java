package io.triggerlab.engine.infra.schema.sandbox;

import io.triggerlab.engine.infra.schema.SchemaFormat;

import java.util.List;
import java.util.Objects;

/**
 * One version of one subject in the sandbox registry, as Confluent's registry keeps it.
 *
 * @param references Confluent references ({@code name} = the import, {@code subject}, {@code version})
 */
public record StoredSchema(String subject, int version, int id, SchemaFormat format, String schema,
                           List<Reference> references) {

    public StoredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(schema, "schema");
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** A schema this one imports, by the subject and version it is registered under. */
    public record Reference(String name, String subject, int version) {
    }
}
