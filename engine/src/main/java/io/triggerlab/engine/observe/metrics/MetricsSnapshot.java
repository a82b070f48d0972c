package io.triggerlab.engine.observe.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One sample of one mapping: what the console draws and the store keeps.
 *
 * @param interval   the time since the previous sample (counters count what happened in it)
 * @param values     counters: their increase in the interval; gauges: the reading. The lag metrics are absent when
 *                   the broker could not be read, {@code TimeLag} also when the oldest record could not be fetched.
 * @param partitions per-partition lag, empty when the broker could not be read
 * @param trend      where {@code OffsetLag} is heading over the trend window
 * @param totals     exact counts since the engine started
 * @param lagStatus  whether the lag metrics were read, and if not whether the topic is still being created
 */
public record MetricsSnapshot(String mappingUuid, Instant at, Duration interval, Map<EsmMetric, Double> values,
                              List<PartitionLag> partitions, LagTrend trend, CounterTotals totals, LagStatus lagStatus) {

    /** A sample whose lag status follows from its values: read when {@code OffsetLag} is there, else unreadable. */
    public MetricsSnapshot(String mappingUuid, Instant at, Duration interval, Map<EsmMetric, Double> values,
                           List<PartitionLag> partitions, LagTrend trend, CounterTotals totals) {
        this(mappingUuid, at, interval, values, partitions, trend, totals,
                values.containsKey(EsmMetric.OFFSET_LAG) ? LagStatus.READ : LagStatus.UNREADABLE);
    }

    public MetricsSnapshot {
        Objects.requireNonNull(mappingUuid, "mappingUuid");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(interval, "interval");
        values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
        partitions = List.copyOf(partitions);
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(lagStatus, "lagStatus");
    }

    public OptionalDouble value(EsmMetric metric) {
        Double v = values.get(metric);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** {@code OffsetLag} of this sample, or -1 when the broker could not be read. */
    public long offsetLag() {
        Double v = values.get(EsmMetric.OFFSET_LAG);
        return v == null ? -1 : v.longValue();
    }
}
