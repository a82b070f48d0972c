package io.triggerlab.engine.observe.metrics;

/**
 * One partition's lag: {@code logEndOffset - committedOffset}, never negative.
 *
 * @param committedOffset the group's committed offset (the next record to process), or, when the group has not
 *                        committed on this partition yet, where its pollers will start
 */
public record PartitionLag(int partition, long logEndOffset, long committedOffset) {

    public PartitionLag {
        if (partition < 0) {
            throw new IllegalArgumentException("Partition " + partition + " is negative");
        }
    }

    public long lag() {
        return Math.max(0, logEndOffset - committedOffset);
    }
}
