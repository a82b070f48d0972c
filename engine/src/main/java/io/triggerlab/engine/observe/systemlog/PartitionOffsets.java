package io.triggerlab.engine.observe.systemlog;

import java.util.Objects;

/**
 * What a {@code KAFKA_STATUS_EVENT} reports in {@code kafkaPartitionOffsets} for one partition; a value the poller
 * does not know (nothing consumed or committed yet) is {@code null} and left out of the JSON.
 *
 * @param partition       {@code <topic>-<partition>}
 * @param endOffset       the partition's log end offset (the offset the next record written will get)
 * @param consumedOffset  the offset of the last record the poller read
 * @param processedOffset the offset of the last record whose batch is done
 * @param committedOffset the group's committed offset (the next record to process)
 */
public record PartitionOffsets(String partition, Long endOffset, Long consumedOffset, Long processedOffset,
                               Long committedOffset) {

    public PartitionOffsets {
        Objects.requireNonNull(partition, "partition");
    }
}
