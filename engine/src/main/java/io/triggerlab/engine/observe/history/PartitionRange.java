package io.triggerlab.engine.observe.history;

import java.util.Objects;

/**
 * The records one invocation carried from one topic partition.
 *
 * @param firstOffset the offset of the first record sent from this partition
 * @param lastOffset  the offset of the last record sent (inclusive)
 * @param recordCount how many records were sent; may be less than the offset span (compaction, transaction markers)
 */
public record PartitionRange(String topic, int partition, long firstOffset, long lastOffset, int recordCount) {
    public PartitionRange {
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("PartitionRange topic is blank: give the Kafka topic name");
        }
        if (partition < 0) {
            throw new IllegalArgumentException("PartitionRange " + topic + " partition " + partition + " is negative");
        }
        if (firstOffset < 0 || lastOffset < firstOffset) {
            throw new IllegalArgumentException("PartitionRange " + topic + "-" + partition + " offsets " + firstOffset
                    + ".." + lastOffset + " are invalid: need 0 <= firstOffset <= lastOffset");
        }
        long span = lastOffset - firstOffset + 1;
        if (recordCount < 1 || recordCount > span) {
            throw new IllegalArgumentException("PartitionRange " + topic + "-" + partition + " recordCount " + recordCount
                    + " is out of range: must be 1.." + span + " for offsets " + firstOffset + ".." + lastOffset);
        }
    }

    /** {@code topic-partition}, as Lambda keys its event's {@code records} map. */
    public String topicPartition() {
        return topic + "-" + partition;
    }
}
