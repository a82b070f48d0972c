package io.triggerlab.engine.infra.cluster;

import java.time.Instant;
import java.util.Objects;

/** Where the cluster stored one sent record. */
public record SentRecord(String topic, int partition, long offset, Instant timestamp) {

    public SentRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** {@code topic-partition}, as Lambda keys its event's {@code records} map. */
    public String topicPartition() {
        return topic + "-" + partition;
    }
}
