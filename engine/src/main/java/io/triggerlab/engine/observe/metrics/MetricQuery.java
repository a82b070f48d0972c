package io.triggerlab.engine.observe.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A range of one metric of one mapping.
 *
 * @param partition  a partition, for the per-partition {@code OffsetLag}; null for the whole mapping
 * @param resolution bucket width; null picks one that gives about {@link #TARGET_POINTS} points
 */
public record MetricQuery(String mappingUuid, EsmMetric metric, Integer partition, Instant from, Instant to,
                          Duration resolution) {

    public static final int TARGET_POINTS = 300;
    /** More buckets than this is a mistake (a week at 1 s): refused with a message instead of a huge answer. */
    public static final int MAX_POINTS = 20_000;

    public MetricQuery {
        Objects.requireNonNull(mappingUuid, "mappingUuid");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("Metric range is empty: 'to' " + to + " must be after 'from' " + from);
        }
        if (partition != null && metric != EsmMetric.OFFSET_LAG) {
            throw new IllegalArgumentException("Metric " + metric + " has no per-partition series: only OffsetLag has");
        }
        if (partition != null && partition < 0) {
            throw new IllegalArgumentException("Partition " + partition + " is negative");
        }
        Duration span = Duration.between(from, to);
        if (resolution == null) {
            long millis = Math.max(1_000, (span.toMillis() + TARGET_POINTS - 1) / TARGET_POINTS);
            resolution = Duration.ofMillis(millis);
        }
        if (resolution.toMillis() < 1) {
            throw new IllegalArgumentException("Metric resolution " + resolution + " is too fine: must be at least 1 ms");
        }
        if (span.toMillis() / resolution.toMillis() > MAX_POINTS) {
            throw new IllegalArgumentException("Metric range " + span + " at resolution " + resolution + " gives more than "
                    + MAX_POINTS + " points: choose a coarser resolution or a shorter range");
        }
    }

    /** The last {@code span} up to {@code now}, at an automatic resolution. */
    public static MetricQuery last(String mappingUuid, EsmMetric metric, Duration span, Instant now) {
        return new MetricQuery(mappingUuid, metric, null, now.minus(span), now, null);
    }

    public MetricQuery withResolution(Duration newResolution) {
        return new MetricQuery(mappingUuid, metric, partition, from, to, newResolution);
    }

    public MetricQuery withPartition(Integer newPartition) {
        return new MetricQuery(mappingUuid, metric, newPartition, from, to, resolution);
    }
}
