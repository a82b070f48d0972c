package io.triggerlab.engine.infra.schema;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Schemas by id, each fetched once: registries never change the schema behind an id. Misses are not kept, so a
 * schema registered after a record named it is found on the next attempt.
 */
public final class CachingRegistryClient implements SchemaRegistryClient {

    private final SchemaRegistryClient registry;
    private final Map<String, RegisteredSchema> byId = new ConcurrentHashMap<>();

    public CachingRegistryClient(SchemaRegistryClient registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public RegisteredSchema schemaById(String schemaId) {
        RegisteredSchema cached = byId.get(schemaId);
        if (cached != null) {
            return cached;
        }
        RegisteredSchema fetched = registry.schemaById(schemaId);
        byId.put(schemaId, fetched);
        return fetched;
    }
}
