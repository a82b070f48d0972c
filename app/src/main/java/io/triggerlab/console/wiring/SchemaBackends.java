package io.triggerlab.console.wiring;

import io.triggerlab.console.inspector.RawRecordSource;
import io.triggerlab.console.inspector.SchemaLookup;
import io.triggerlab.engine.client.EngineClient;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.KafkaEventSourceConfig;
import io.triggerlab.engine.controlplane.mapping.SchemaRegistryConfig;
import io.triggerlab.engine.infra.cluster.RecordQuery;
import io.triggerlab.engine.infra.cluster.StoredRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Adapts the engine's schema records and mappings to the inspector's {@link SchemaLookup}, and its record reader to the
 * inspector's {@link RawRecordSource}.
 */
final class SchemaBackends {

    private static final Logger log = LoggerFactory.getLogger(SchemaBackends.class);

    private SchemaBackends() {
    }

    /**
     * The trigger's EventRecordFormat, and the subject of a schema id as the trigger's registry names it; a registry
     * that cannot answer (credentials the console does not send, Glue, down) leaves the subject out.
     */
    static SchemaLookup inspector(EngineClient engine) {
        return (mappingUuid, schemaId) -> {
            EventSourceMapping mapping = engine.mapping(mappingUuid);
            KafkaEventSourceConfig kafka = mapping.kafkaEventSourceConfig();
            SchemaRegistryConfig registry = kafka == null ? null : kafka.schemaRegistryConfig();
            if (registry == null) {
                return new SchemaLookup.Facts("", "");
            }
            String format = registry.eventRecordFormat() == null ? "" : registry.eventRecordFormat();
            try {
                List<String> subjects = engine.schemaRecords().subjectsOf(registry.schemaRegistryUri(), schemaId);
                return new SchemaLookup.Facts(String.join(", ", subjects), format);
            } catch (RuntimeException e) {
                log.debug("Registry {} did not name the subject of schema {}: {}", registry.schemaRegistryUri(),
                        schemaId, e.getMessage());
                return new SchemaLookup.Facts("", format);
            }
        };
    }

    /**
     * Reads one record back from the cluster in use, without a consumer group. The reader starts at the earliest offset
     * still held when the asked one is gone, so a record at another offset means the asked one was deleted.
     */
    static RawRecordSource rawRecords(EngineClient engine) {
        return (topic, partition, offset) -> {
            Optional<StoredRecord> found = engine.readRecords(
                    new RecordQuery(topic, partition, offset, null, false, 1)).stream().findFirst();
            return found.filter(r -> r.offset() == offset);
        };
    }
}
