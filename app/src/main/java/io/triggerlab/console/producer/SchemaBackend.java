package io.triggerlab.console.producer;

import io.triggerlab.engine.client.PreparedSchema;
import io.triggerlab.engine.client.SchemaRecords;
import io.triggerlab.engine.infra.schema.SchemaFormat;

import java.util.List;
import java.util.Optional;

/** The schema registry as the producer uses it ({@link SchemaRecords}); every call may block on the network. */
public interface SchemaBackend {

    /** The sandbox registry's URL, the producer's default registry, when the engine runs the sandbox. */
    Optional<String> sandboxRegistry();

    List<String> subjects(String registry);

    PreparedSchema prepare(String registry, String subject, SchemaFormat format, String schemaText);

    byte[] encode(PreparedSchema schema, String json);

    /** No registry at all: encoding with a schema says so (a producer built without the engine's schema records). */
    static SchemaBackend none() {
        return new SchemaBackend() {
            @Override
            public Optional<String> sandboxRegistry() {
                return Optional.empty();
            }

            @Override
            public List<String> subjects(String registry) {
                return List.of();
            }

            @Override
            public PreparedSchema prepare(String registry, String subject, SchemaFormat format, String schemaText) {
                throw new IllegalArgumentException("This producer has no schema registry to encode with");
            }

            @Override
            public byte[] encode(PreparedSchema schema, String json) {
                throw new IllegalArgumentException("This producer has no schema registry to encode with");
            }
        };
    }

    /** The engine's schema records as the producer's backend. */
    static SchemaBackend of(SchemaRecords records) {
        return new SchemaBackend() {
            @Override
            public Optional<String> sandboxRegistry() {
                return records.sandboxRegistry().map(Object::toString);
            }

            @Override
            public List<String> subjects(String registry) {
                return records.subjects(registry);
            }

            @Override
            public PreparedSchema prepare(String registry, String subject, SchemaFormat format, String schemaText) {
                return records.prepare(registry, subject, format, schemaText);
            }

            @Override
            public byte[] encode(PreparedSchema schema, String json) {
                return records.encode(schema, json);
            }
        };
    }
}
