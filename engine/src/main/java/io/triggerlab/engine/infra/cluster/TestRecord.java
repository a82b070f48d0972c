package io.triggerlab.engine.infra.cluster;

import java.util.List;
import java.util.Objects;

/**
 * One record a person sends to drive a trigger.
 *
 * @param partition the partition, or {@code null} to let Kafka's partitioner choose (by key)
 * @param key       the key bytes, or {@code null} for no key
 * @param value     the value bytes, or {@code null} for a tombstone
 * @param headers   the headers in order; duplicate names are allowed, as in Kafka
 */
public record TestRecord(Integer partition, byte[] key, byte[] value, List<Header> headers) {

    public TestRecord {
        if (partition != null && partition < 0) {
            throw new IllegalArgumentException("Partition " + partition + " is negative: give 0 or more, or none to "
                    + "let Kafka choose by key");
        }
        key = key == null ? null : key.clone();
        value = value == null ? null : value.clone();
        headers = List.copyOf(headers == null ? List.of() : headers);
    }

    @Override
    public byte[] key() {
        return key == null ? null : key.clone();
    }

    @Override
    public byte[] value() {
        return value == null ? null : value.clone();
    }

    /** A record header: a name and raw bytes ({@code null} is a header without a value). */
    public record Header(String name, byte[] value) {
        public Header {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("A header needs a name");
            }
            value = value == null ? null : value.clone();
        }

        @Override
        public byte[] value() {
            return value == null ? null : value.clone();
        }
    }
}
