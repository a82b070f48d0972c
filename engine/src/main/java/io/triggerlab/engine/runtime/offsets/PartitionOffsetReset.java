package io.triggerlab.engine.runtime.offsets;

import io.triggerlab.engine.controlplane.mapping.StartingPosition;

/**
 * What an offset reset did to one partition of a mapping's topic.
 *
 * @param previousOffset the group's committed offset before, or -1 when it had none (the mapping's StartingPosition
 *                       applied)
 * @param newOffset      the offset committed now: the next record the pollers read when the mapping is enabled
 */
public record PartitionOffsetReset(int partition, long previousOffset, long newOffset) {

    public static final long NONE = -1;

    public PartitionOffsetReset {
        if (partition < 0) {
            throw new IllegalArgumentException("Partition " + partition + " is negative");
        }
        if (previousOffset < NONE || newOffset < 0) {
            throw new IllegalArgumentException("Offsets of partition " + partition + " out of range: "
                    + previousOffset + " -> " + newOffset);
        }
    }

    public boolean hadCommittedOffset() {
        return previousOffset != NONE;
    }

    /** How many records the pollers will read again (positive) or skip (negative) compared with before. */
    public long redelivered() {
        return hadCommittedOffset() ? previousOffset - newOffset : 0;
    }
}
