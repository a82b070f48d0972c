package io.triggerlab.engine.observe.metrics;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The lag of a mapping's consumer group on its topic at one moment, read from the broker.
 *
 * @param partitions    every partition of the topic, in partition order
 * @param timeLagMillis age of the oldest record not yet processed ({@code at} minus its timestamp), 0 when nothing
 *                      lags, empty when it could not be read
 */
public record LagReading(Instant at, List<PartitionLag> partitions, OptionalLong timeLagMillis) {

    public LagReading {
        Objects.requireNonNull(at, "at");
        partitions = partitions.stream().sorted(Comparator.comparingInt(PartitionLag::partition)).toList();
        Objects.requireNonNull(timeLagMillis, "timeLagMillis");
    }

    /**
     * {@code OffsetLag}: AWS defines it at the topic level, "the difference in offset between the last record written
     * to a topic and the last record that your function's consumer group processed". We take the <b>sum</b> over the
     * topic's partitions: it is the number of records written and not yet processed, the one figure that reads as
     * "how far behind the topic is", grows whatever partition the producers pick, and is what the scaler must drain.
     * The largest single partition is {@link #maxOffsetLag()} ({@code MaxOffsetLag}).
     */
    public long offsetLag() {
        return sumOffsetLag();
    }

    /** {@code SumOffsetLag}: the sum over partitions of (latest − committed). */
    public long sumOffsetLag() {
        return partitions.stream().mapToLong(PartitionLag::lag).sum();
    }

    /** {@code MaxOffsetLag}: the largest (latest − committed) of any partition. */
    public long maxOffsetLag() {
        return partitions.stream().mapToLong(PartitionLag::lag).max().orElse(0);
    }

    public int partitionCount() {
        return partitions.size();
    }
}
