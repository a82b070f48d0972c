package io.triggerlab.engine.runtime.schema;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Optional;

/**
 * A record after the schema stage: its key and value as the function receives them (the decoded JSON, or the source
 * bytes without their registry framing), the schema metadata the event carries, and the decoded value that
 * FilterCriteria match. Offsets, partition, timestamp and headers are the original record's, so batching, commits and
 * the history treat it as the record it came from.
 */
public final class DecodedRecord extends ConsumerRecord<byte[], byte[]> {

    private final ConsumerRecord<byte[], byte[]> source;
    private final SchemaMetadata keySchema;
    private final SchemaMetadata valueSchema;
    private final JsonNode decodedValue;

    DecodedRecord(ConsumerRecord<byte[], byte[]> source, byte[] key, byte[] value,
                  SchemaMetadata keySchema, SchemaMetadata valueSchema, JsonNode decodedValue) {
        super(source.topic(), source.partition(), source.offset(), source.timestamp(), source.timestampType(),
                key == null ? -1 : key.length, value == null ? -1 : value.length, key, value, source.headers(),
                source.leaderEpoch(), source.deliveryCount());
        this.source = source;
        this.keySchema = keySchema;
        this.valueSchema = valueSchema;
        this.decodedValue = decodedValue;
    }

    /** The record as it was read from Kafka, framing and all. */
    public ConsumerRecord<byte[], byte[]> source() {
        return source;
    }

    public Optional<SchemaMetadata> keySchema() {
        return Optional.ofNullable(keySchema);
    }

    public Optional<SchemaMetadata> valueSchema() {
        return Optional.ofNullable(valueSchema);
    }

    /** The value as decoded JSON, when the value was validated against a schema. */
    public Optional<JsonNode> decodedValue() {
        return Optional.ofNullable(decodedValue);
    }
}
