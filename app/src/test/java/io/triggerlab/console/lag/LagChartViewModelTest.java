package io.triggerlab.console.lag;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.observe.metrics.CounterTotals;
import io.triggerlab.engine.observe.metrics.EsmMetric;
import io.triggerlab.engine.observe.metrics.LagStatus;
import io.triggerlab.engine.observe.metrics.LagTrend;
import io.triggerlab.engine.observe.metrics.MetricPoint;
import io.triggerlab.engine.observe.metrics.MetricQuery;
import io.triggerlab.engine.observe.metrics.MetricSeries;
import io.triggerlab.engine.observe.metrics.MetricsSnapshot;
import io.triggerlab.engine.observe.metrics.PartitionLag;
import io.triggerlab.engine.observe.metrics.ScalingDecision;
import io.triggerlab.engine.observe.metrics.ScalingReason;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LagChartViewModelTest {

    private static final String A = "aaaaaaaa-0000-0000-0000-000000000001";
    private static final String B = "bbbbbbbb-0000-0000-0000-000000000002";
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private final QueuedExecutor background = new QueuedExecutor();
    private final FakeBackend backend = new FakeBackend();
    private final LagChartViewModel vm = new LagChartViewModel(backend, new BackgroundWork(background, Runnable::run),
            ZoneOffset.UTC, Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void liveSamples_drawTopicAndPartitionLines_andFillTheReadout() {
        vm.show(A);
        background.runAll();

        vm.onMetricsSampled(snapshot(A, T0, List.of(new PartitionLag(0, 100, 60), new PartitionLag(1, 50, 48)),
                42_000.0, LagTrend.RISING));

        List<LagLine> lines = vm.linesProperty().get();
        assertThat(lines).extracting(LagLine::name).containsExactly("OffsetLag (topic)", "Partition 0", "Partition 1");
        assertThat(lines.get(0).points()).containsExactly(new LagPoint(T0, 42));
        assertThat(lines.get(1).points()).containsExactly(new LagPoint(T0, 40));
        assertThat(lines.get(2).points()).containsExactly(new LagPoint(T0, 2));
        assertThat(vm.offsetLagProperty().get()).isEqualTo("OffsetLag 42 records");
        assertThat(vm.timeLagProperty().get()).isEqualTo("42 s behind");
        assertThat(vm.trendProperty().get()).isEqualTo("Trend: rising ↑");
        assertThat(vm.countersProperty().get()).isEqualTo("Records polled 120 · invoked 110 · failed 10 · committed 78");
        assertThat(vm.concurrencyProperty().get()).isEqualTo("Concurrency 2");
        assertThat(vm.consumersProperty().get()).isEqualTo("2 consumers");
        assertThat(vm.statusProperty().get()).isEmpty();
    }

    @Test
    void liveLine_keepsOnlyTheLastFiveMinutes_soItNeverGrowsWithoutLimit() {
        vm.show(A);
        background.runAll();

        for (int i = 0; i < 600; i++) { // 50 minutes of 5 s samples
            vm.onMetricsSampled(snapshot(A, T0.plusSeconds(5L * i), List.of(new PartitionLag(0, i, 0)), 1000.0,
                    LagTrend.STEADY));
        }

        List<LagPoint> topic = vm.linesProperty().get().get(0).points();
        assertThat(topic).hasSize(61); // 5 min at 5 s, both ends included
        assertThat(topic.get(0).at()).isEqualTo(T0.plusSeconds(5L * 599).minus(Duration.ofMinutes(5)));
        assertThat(topic.get(60)).isEqualTo(new LagPoint(T0.plusSeconds(5L * 599), 599));
    }

    @Test
    void dayRange_thinsLiveSamplesToTheStoredResolution() {
        vm.show(A);
        background.runAll();
        vm.selectRange(LagRange.ONE_DAY);
        background.runAll();

        for (int i = 0; i < 120; i++) { // 10 minutes of 5 s samples; a day's points are 288 s apart
            vm.onMetricsSampled(snapshot(A, T0.plusSeconds(5L * i), List.of(new PartitionLag(0, 7, 0)), 10.0,
                    LagTrend.STEADY));
        }

        assertThat(vm.linesProperty().get().get(0).points()).extracting(LagPoint::at)
                .containsExactly(T0, T0.plusSeconds(290), T0.plusSeconds(580));
    }

    @Test
    void samplesOfAnotherTrigger_areIgnored() {
        vm.show(A);
        background.runAll();

        vm.onMetricsSampled(snapshot(B, T0, List.of(new PartitionLag(0, 9, 0)), 1.0, LagTrend.STEADY));

        assertThat(vm.linesProperty().get()).extracting(LagLine::name).containsExactly("OffsetLag (topic)");
        assertThat(vm.linesProperty().get().get(0).points()).isEmpty();
        assertThat(vm.offsetLagProperty().get()).isEqualTo("OffsetLag —");
    }

    @Test
    void rangeSelection_loadsTheStoredSeriesInTheBackground_perPartitionToo() {
        backend.latest.put(A, snapshot(A, T0, List.of(new PartitionLag(0, 10, 0), new PartitionLag(1, 5, 5)), 3_000.0,
                LagTrend.FALLING));
        backend.generated = true;
        backend.decisions.add(new ScalingDecision(1, A, T0.minusSeconds(30), 1, 2, ScalingReason.LAG_GROWING,
                "OffsetLag rose from 560 to 754 over 60 s"));
        vm.show(A);
        background.runAll();

        vm.selectRange(LagRange.ONE_HOUR);
        assertThat(vm.statusProperty().get()).isEqualTo("Loading the last 1 h…");
        assertThat(backend.queries).hasSize(3); // the 5-minute load of show()
        background.runAll();

        List<MetricQuery> hour = backend.queries.subList(3, 6);
        assertThat(hour).extracting(MetricQuery::partition).containsExactly(null, 0, 1);
        assertThat(hour).allSatisfy(q -> {
            assertThat(q.metric()).isEqualTo(EsmMetric.OFFSET_LAG);
            assertThat(q.from()).isEqualTo(T0.minus(Duration.ofHours(1)));
            assertThat(q.to()).isEqualTo(T0);
        });
        List<LagLine> lines = vm.linesProperty().get();
        assertThat(lines).extracting(LagLine::name).containsExactly("OffsetLag (topic)", "Partition 0", "Partition 1");
        assertThat(lines.get(0).points()).containsExactly(new LagPoint(T0.minusSeconds(600), 100),
                new LagPoint(T0.minusSeconds(60), 10.0));
        assertThat(lines.get(2).points()).containsExactly(new LagPoint(T0.minusSeconds(600), 101),
                new LagPoint(T0.minusSeconds(60), 11.0));
        assertThat(vm.timeLagProperty().get()).isEqualTo("3.0 s behind");
        assertThat(vm.trendProperty().get()).isEqualTo("Trend: falling ↓");
        assertThat(vm.decisions()).containsExactly("11:59:30  1 → 2 consumers: OffsetLag rose from 560 to 754 over 60 s");
        assertThat(vm.statusProperty().get()).isEmpty();
    }

    @Test
    void aLoadForAnEarlierTrigger_isDropped_whenAnotherIsShownMeanwhile() {
        vm.show(A);
        vm.show(B);
        backend.stored.put(null, List.of(new MetricPoint(T0.minusSeconds(10), 77, 77, 77, 1)));

        background.runAll(); // both loads finish; A's answer arrives first but is stale

        vm.onMetricsSampled(snapshot(A, T0.plusSeconds(5), List.of(), 1.0, LagTrend.STEADY));
        assertThat(vm.linesProperty().get().get(0).points()).containsExactly(new LagPoint(T0.minusSeconds(10), 77));
        assertThat(backend.queries.get(backend.queries.size() - 1).mappingUuid()).isEqualTo(B);
    }

    @Test
    void emptyStore_saysThereAreNoSamplesYet() {
        backend.stored.put(null, List.of());

        vm.show(A);
        background.runAll();

        assertThat(vm.statusProperty().get())
                .isEqualTo("No lag samples in the last 5 min yet: the trigger is sampled while it is enabled.");
    }

    @Test
    void failedLoad_showsWhatFailed() {
        backend.failure = new IllegalStateException("metric store is closed");

        vm.show(A);
        background.runAll();

        assertThat(vm.statusProperty().get()).isEqualTo("Could not load the lag of the last 5 min: metric store is closed");
    }

    @Test
    void liveScalingDecisions_areListedNewestFirst_andBounded() {
        vm.show(A);
        background.runAll();

        for (int i = 0; i < 10; i++) {
            vm.onScalingDecided(new ScalingDecision(i, A, T0.plusSeconds(i), i + 1, i + 2, ScalingReason.LAG_GROWING,
                    "lag " + i));
        }
        vm.onScalingDecided(new ScalingDecision(99, B, T0, 1, 2, ScalingReason.LAG_GROWING, "other trigger"));

        assertThat(vm.decisions()).hasSize(LagChartViewModel.DECISIONS_SHOWN);
        assertThat(vm.decisions().get(0)).isEqualTo("12:00:09  10 → 11 consumers: lag 9");
    }

    @Test
    void readout_saysUpToDate_whenNothingLags_beingCreated_whenTheTopicIsNotReady_andUnknown_whenTheBrokerCannotBeRead() {
        vm.show(A);
        background.runAll();

        vm.onMetricsSampled(snapshot(A, T0, List.of(new PartitionLag(0, 5, 5)), 0.0, LagTrend.STEADY));
        assertThat(vm.timeLagProperty().get()).isEqualTo("Up to date");

        vm.onMetricsSampled(new MetricsSnapshot(A, T0.plusSeconds(5), Duration.ofSeconds(5), Map.of(), List.of(),
                LagTrend.STEADY, new CounterTotals(Map.of())));
        assertThat(vm.timeLagProperty().get()).isEqualTo("Lag unknown: the broker could not be read (see LastProcessingResult)");
        assertThat(vm.offsetLagProperty().get()).isEqualTo("OffsetLag —");
        assertThat(vm.linesProperty().get().get(0).points()).hasSize(1); // no invented point for the unknown sample

        vm.onMetricsSampled(new MetricsSnapshot(A, T0.plusSeconds(10), Duration.ofSeconds(5), Map.of(), List.of(),
                LagTrend.STEADY, new CounterTotals(Map.of()), LagStatus.TOPIC_NOT_READY));
        assertThat(vm.timeLagProperty().get()).isEqualTo("Lag unknown yet: the topic is being created");
        assertThat(vm.offsetLagProperty().get()).isEqualTo("OffsetLag —");
    }

    @Test
    void marksOnlyTheScalingDecisionsWithinTheVisibleRange_andFollowsRangeChanges() {
        backend.decisions.add(decision(A, T0.minusSeconds(30), 1, 2, "OffsetLag rose from 560 to 754 over 60 s"));
        backend.decisions.add(decision(A, T0.minus(Duration.ofMinutes(10)), 2, 1, "OffsetLag was 0 for 60 s"));
        backend.decisions.add(decision(A, T0.minus(Duration.ofHours(2)), 1, 2, "lag 9"));
        vm.show(A);
        background.runAll();

        List<ScalingMarker> fiveMinutes = vm.markersProperty().get();
        vm.selectRange(LagRange.ONE_HOUR);
        background.runAll();
        List<ScalingMarker> oneHour = vm.markersProperty().get();
        vm.selectRange(LagRange.ONE_DAY);
        background.runAll();
        List<ScalingMarker> oneDay = vm.markersProperty().get();

        assertThat(fiveMinutes).extracting(ScalingMarker::at).containsExactly(T0.minusSeconds(30));
        assertThat(fiveMinutes.get(0).tooltip())
                .isEqualTo("11:59:30 scaled 1 -> 2 consumers: OffsetLag rose from 560 to 754 over 60 s");
        assertThat(fiveMinutes.get(0).label()).isEqualTo("1→2");
        assertThat(oneHour).extracting(ScalingMarker::at)
                .containsExactly(T0.minus(Duration.ofMinutes(10)), T0.minusSeconds(30));
        assertThat(oneDay).extracting(ScalingMarker::at)
                .containsExactly(T0.minus(Duration.ofHours(2)), T0.minus(Duration.ofMinutes(10)), T0.minusSeconds(30));
    }

    @Test
    void liveDecisionsOfTheShownTriggerAddAMarker_othersDoNot() {
        vm.show(A);
        background.runAll();

        vm.onScalingDecided(decision(B, T0.minusSeconds(5), 1, 2, "someone else's"));
        List<ScalingMarker> afterOther = vm.markersProperty().get();
        vm.onScalingDecided(decision(A, T0.minusSeconds(2), 2, 3, "OffsetLag rose"));

        assertThat(afterOther).isEmpty();
        assertThat(vm.markersProperty().get()).extracting(ScalingMarker::tooltip)
                .containsExactly("11:59:58 scaled 2 -> 3 consumers: OffsetLag rose");
    }

    private static ScalingDecision decision(String uuid, Instant at, int from, int to, String message) {
        return new ScalingDecision(0, uuid, at, from, to, from < to ? ScalingReason.LAG_GROWING : ScalingReason.LAG_GONE,
                message);
    }

    @Test
    void age_readsAsAPersonSaysIt() {
        assertThat(LagText.age(400)).isEqualTo("0.4 s");
        assertThat(LagText.age(42_000)).isEqualTo("42 s");
        assertThat(LagText.age(185_000)).isEqualTo("3 min 5 s");
        assertThat(LagText.age(7_380_000)).isEqualTo("2 h 3 min");
    }

    private static MetricsSnapshot snapshot(String uuid, Instant at, List<PartitionLag> partitions, double timeLagMs,
                                            LagTrend trend) {
        Map<EsmMetric, Double> values = new HashMap<>();
        long lag = partitions.stream().mapToLong(PartitionLag::lag).sum();
        values.put(EsmMetric.OFFSET_LAG, (double) lag);
        values.put(EsmMetric.TIME_LAG, lag == 0 ? 0.0 : timeLagMs);
        values.put(EsmMetric.CONCURRENT_EXECUTIONS, 2.0);
        values.put(EsmMetric.POLLERS, 2.0);
        CounterTotals totals = new CounterTotals(Map.of(EsmMetric.POLLED_EVENT_COUNT, 120L,
                EsmMetric.INVOKED_EVENT_COUNT, 110L, EsmMetric.FAILED_INVOKE_EVENT_COUNT, 10L,
                EsmMetric.COMMITTED_EVENT_COUNT, 78L));
        return new MetricsSnapshot(uuid, at, Duration.ofSeconds(5), values, partitions, trend, totals);
    }

    /** Answers queries with no points, fixed points, or (when {@code generated}) two points, partition N's shifted by N. */
    private static final class FakeBackend implements LagBackend {
        final Map<String, MetricsSnapshot> latest = new HashMap<>();
        final List<ScalingDecision> decisions = new ArrayList<>();
        final List<MetricQuery> queries = new ArrayList<>();
        /** Fixed answers by partition (null for the topic), overriding the default. */
        final Map<Integer, List<MetricPoint>> stored = new HashMap<>();
        RuntimeException failure;
        boolean generated;

        @Override
        public MetricSeries series(MetricQuery query) {
            queries.add(query);
            if (failure != null) {
                throw failure;
            }
            List<MetricPoint> points = stored.get(query.partition());
            if (points == null && !generated) {
                points = List.of();
            } else if (points == null) {
                int shift = query.partition() == null ? 0 : query.partition();
                points = List.of(new MetricPoint(query.to().minusSeconds(600), 100 + shift, 90, 110, 12),
                        new MetricPoint(query.to().minusSeconds(60), 10 + shift, 10, 10, 1));
            }
            return new MetricSeries(query, Duration.ofSeconds(12), "raw", points);
        }

        @Override
        public List<ScalingDecision> scalingDecisions(String mappingUuid, int limit) {
            return decisions;
        }

        @Override
        public Optional<MetricsSnapshot> latest(String mappingUuid) {
            return Optional.ofNullable(latest.get(mappingUuid));
        }
    }
}
