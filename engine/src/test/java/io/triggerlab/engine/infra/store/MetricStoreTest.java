package io.triggerlab.engine.infra.store;

import io.triggerlab.engine.observe.metrics.CounterTotals;
import io.triggerlab.engine.observe.metrics.EsmMetric;
import io.triggerlab.engine.observe.metrics.LagTrend;
import io.triggerlab.engine.observe.metrics.MetricPoint;
import io.triggerlab.engine.observe.metrics.MetricQuery;
import io.triggerlab.engine.observe.metrics.MetricSeries;
import io.triggerlab.engine.observe.metrics.MetricsSettings;
import io.triggerlab.engine.observe.metrics.MetricsSnapshot;
import io.triggerlab.engine.observe.metrics.PartitionLag;

import io.triggerlab.engine.infra.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final Database db = Database.inMemory("metrics-" + UUID.randomUUID());
    private final MetricStore store = new MetricStore(db.dataSource(), MetricsSettings.defaults());

    @AfterEach
    void close() {
        db.close();
    }

    private static MetricsSnapshot sample(Instant at, long polled, long lag, long... partitionLags) {
        Map<EsmMetric, Double> values = new EnumMap<>(EsmMetric.class);
        values.put(EsmMetric.POLLED_EVENT_COUNT, (double) polled);
        values.put(EsmMetric.OFFSET_LAG, (double) lag);
        List<PartitionLag> partitions = new java.util.ArrayList<>();
        for (int p = 0; p < partitionLags.length; p++) {
            partitions.add(new PartitionLag(p, 100 + partitionLags[p], 100));
        }
        return new MetricsSnapshot("m", at, Duration.ofSeconds(5), values, partitions, LagTrend.STEADY,
                new CounterTotals(Map.of()));
    }

    @Test
    void countersAddUp_andGaugesAverage_whenBucketsMerge() {
        for (int i = 0; i < 12; i++) {
            store.write(sample(T0.plusSeconds(5L * i), i, i * 10L));
        }
        MetricQuery lastMinute = new MetricQuery("m", EsmMetric.POLLED_EVENT_COUNT, null, T0, T0.plusSeconds(60),
                Duration.ofSeconds(30));
        MetricSeries polled = store.query(lastMinute, T0.plusSeconds(60));
        assertThat(polled.source()).isEqualTo("raw");
        assertThat(polled.points()).extracting(MetricPoint::value).containsExactly(15.0, 51.0);
        assertThat(polled.total()).isEqualTo(66.0);

        MetricSeries lag = store.query(new MetricQuery("m", EsmMetric.OFFSET_LAG, null, T0, T0.plusSeconds(60),
                Duration.ofSeconds(30)), T0.plusSeconds(60));
        assertThat(lag.points().get(0).value()).isEqualTo(25.0);
        assertThat(lag.points().get(0).min()).isEqualTo(0.0);
        assertThat(lag.points().get(0).max()).isEqualTo(50.0);
        assertThat(lag.points().get(0).samples()).isEqualTo(6);
    }

    @Test
    void minuteTierHoldsTheSameTotals_andOutlivesTheRawTier() {
        for (int i = 0; i < 24; i++) {
            store.write(sample(T0.plusSeconds(5L * i), 1, 7));
        }
        Instant muchLater = T0.plus(Duration.ofHours(3));
        assertThat(store.prune(muchLater)).isEqualTo(24 * 2);

        MetricSeries minutes = store.query(new MetricQuery("m", EsmMetric.POLLED_EVENT_COUNT, null, T0,
                T0.plusSeconds(120), null), muchLater);
        assertThat(minutes.source()).isEqualTo("minute");
        assertThat(minutes.resolution()).isEqualTo(Duration.ofMinutes(1));
        assertThat(minutes.points()).extracting(MetricPoint::value).containsExactly(12.0, 12.0);
        assertThat(minutes.points()).extracting(MetricPoint::samples).containsExactly(12L, 12L);

        assertThat(store.prune(T0.plus(Duration.ofDays(8)))).isEqualTo(2 * 2);
        assertThat(store.query(new MetricQuery("m", EsmMetric.POLLED_EVENT_COUNT, null, T0, T0.plusSeconds(120), null),
                T0.plus(Duration.ofDays(8))).points()).isEmpty();
    }

    @Test
    void keepsLagPerPartition() {
        store.write(sample(T0, 0, 30, 10, 20));
        store.write(sample(T0.plusSeconds(5), 0, 3, 1, 2));
        MetricQuery q = new MetricQuery("m", EsmMetric.OFFSET_LAG, 1, T0, T0.plusSeconds(10), Duration.ofSeconds(5));
        assertThat(store.query(q, T0.plusSeconds(10)).points()).extracting(MetricPoint::value).containsExactly(20.0, 2.0);
        assertThat(store.metricsOf("m")).containsExactly("OffsetLag", "PolledEventCount");
    }

    @Test
    void refusesQueriesThatMakeNoSense() {
        assertThatThrownBy(() -> new MetricQuery("m", EsmMetric.OFFSET_LAG, null, T0, T0, null))
                .hasMessageContaining("Metric range is empty");
        assertThatThrownBy(() -> new MetricQuery("m", EsmMetric.POLLED_EVENT_COUNT, 0, T0, T0.plusSeconds(1), null))
                .hasMessage("Metric PolledEventCount has no per-partition series: only OffsetLag has");
        assertThatThrownBy(() -> new MetricQuery("m", EsmMetric.OFFSET_LAG, null, T0, T0.plus(Duration.ofDays(7)),
                Duration.ofSeconds(1))).hasMessageContaining("gives more than 20000 points");
        assertThatThrownBy(() -> EsmMetric.parse("Lag")).hasMessageStartingWith("Unknown metric 'Lag': must be one of PolledEventCount,");
    }
}
