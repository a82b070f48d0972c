package io.triggerlab.engine.infra.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One record as the cluster holds it, read back for a person to look at (the console's topic browser, the wizard's
 * filter tester). Bytes are exactly as stored.
 *
 * @param key     the key bytes, or {@code null} when the record has none
 * @param value   the value bytes, or {@code null} for a tombstone
 * @param headers the headers in order, duplicates kept
 */
public record StoredRecord(String topic, int partition, long offset, Instant timestamp, String timestampType,
                           byte[] key, byte[] value, List<TestRecord.Header> headers) {

    public StoredRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(timestamp, "timestamp");
        key = key == null ? null : key.clone();
        value = value == null ? null : value.clone();
        headers = List.copyOf(headers);
    }

    @Override
    public byte[] key() {
        return key == null ? null : key.clone();
    }

    @Override
    public byte[] value() {
        return value == null ? null : value.clone();
    }
}
