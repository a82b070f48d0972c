package io.triggerlab.engine.infra.schema.sandbox;

import io.triggerlab.engine.infra.schema.SchemaFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sandbox registry's subjects and ids, with Confluent's numbering rules: the same schema text and type gets the
 * same id wherever it is registered; registering a subject's latest schema again returns its existing version.
 * Synchronized: the HTTP threads share one catalog.
 */
final class SchemaCatalog {

    private final Map<String, List<StoredSchema>> bySubject = new TreeMap<>();
    private final Map<Integer, StoredSchema> byId = new TreeMap<>();
    private int nextId = 1;

    /** The entry a registration would produce, and whether it is new (to be written to the schemas topic). */
    synchronized Registration register(String subject, SchemaFormat format, String schema,
                                       List<StoredSchema.Reference> references) {
        List<StoredSchema> versions = bySubject.getOrDefault(subject, List.of());
        for (StoredSchema existing : versions) {
            if (existing.format() == format && existing.schema().equals(schema)) {
                return new Registration(existing, false);
            }
        }
        int id = byId.values().stream()
                .filter(s -> s.format() == format && s.schema().equals(schema))
                .map(StoredSchema::id).findFirst().orElse(nextId);
        int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        StoredSchema created = new StoredSchema(subject, version, id, format, schema, references);
        add(created);
        return new Registration(created, true);
    }

    /** Replays an entry read back from the schemas topic. */
    synchronized void add(StoredSchema schema) {
        List<StoredSchema> versions = bySubject.computeIfAbsent(schema.subject(), s -> new ArrayList<>());
        versions.removeIf(v -> v.version() == schema.version());
        versions.add(schema);
        versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
        byId.putIfAbsent(schema.id(), schema);
        nextId = Math.max(nextId, schema.id() + 1);
    }

    synchronized Optional<StoredSchema> byId(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized List<String> subjects() {
        return List.copyOf(bySubject.keySet());
    }

    synchronized List<StoredSchema> versions(String subject) {
        return List.copyOf(bySubject.getOrDefault(subject, List.of()));
    }

    /** {@code version} is a number or {@code latest}. */
    synchronized Optional<StoredSchema> version(String subject, String version) {
        List<StoredSchema> versions = bySubject.getOrDefault(subject, List.of());
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        if ("latest".equals(version) || "-1".equals(version)) {
            return Optional.of(versions.get(versions.size() - 1));
        }
        try {
            int wanted = Integer.parseInt(version);
            return versions.stream().filter(v -> v.version() == wanted).findFirst();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    synchronized List<StoredSchema> usesOf(int id) {
        return bySubject.values().stream().flatMap(List::stream).filter(s -> s.id() == id).toList();
    }

    record Registration(StoredSchema schema, boolean created) {
    }
}
