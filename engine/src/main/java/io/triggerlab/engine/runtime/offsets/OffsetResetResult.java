package io.triggerlab.engine.runtime.offsets;

import io.triggerlab.engine.controlplane.mapping.MappingService;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link MappingService#resetOffsets}: the consumer group's new committed offset of every partition of
 * the mapping's topic, partition order.
 */
public record OffsetResetResult(String uuid, String topic, String consumerGroupId, OffsetReset target,
                                List<PartitionOffsetReset> partitions) {

    public OffsetResetResult {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(consumerGroupId, "consumerGroupId");
        Objects.requireNonNull(target, "target");
        partitions = List.copyOf(partitions);
    }
}
