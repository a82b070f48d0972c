package io.triggerlab.engine.runtime.batch;

/**
 * The offsets of one partition's records in a batch, both inclusive.
 *
 * @param first the offset of the partition's first record in the batch
 * @param last  the offset of its last record
 */
public record OffsetRange(long first, long last) {

    public OffsetRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("Offset range " + first + ".." + last
                    + " is invalid: offsets must be non-negative and in order within a partition");
        }
    }

    /** The offset to commit once the batch succeeded: one past the last record, by Kafka convention. */
    public long nextOffset() {
        return last + 1;
    }
}
