package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.observe.events.EngineEvent;
import io.triggerlab.engine.observe.events.EngineEventBus;
import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.observe.metrics.CounterTotals;
import io.triggerlab.engine.observe.metrics.EsmMetric;
import io.triggerlab.engine.observe.metrics.LagTrend;
import io.triggerlab.engine.observe.metrics.MetricQuery;
import io.triggerlab.engine.observe.metrics.MetricSeries;
import io.triggerlab.engine.observe.metrics.MetricsSettings;
import io.triggerlab.engine.observe.metrics.MetricsSnapshot;
import io.triggerlab.engine.observe.metrics.PartitionLag;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ESM metrics end to end: exact counters, lag from the broker, stored series and live events. */
@ExtendWith(SharedKafkaBroker.class)
class MetricsIT {

    private static final MetricsSettings FAST = MetricsSettings.defaults()
            .withSampleInterval(Duration.ofMillis(200))
            .withEvaluationPeriod(Duration.ofSeconds(1))
            .withTrendWindow(Duration.ofSeconds(2))
            .withAutoScaling(false);

    private final EmbeddedKafkaBroker broker;
    private final List<MetricsSnapshot> samples = new CopyOnWriteArrayList<>();
    private EngineHarness harness;
    private InvokeApiFunction function;

    MetricsIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void setUp(@TempDir Path dataDir) {
        EngineEventBus bus = new EngineEventBus();
        bus.subscribe(e -> {
            if (e instanceof EngineEvent.MetricsSampled sampled) {
                samples.add(sampled.snapshot());
            }
        });
        harness = new EngineHarness(broker.bootstrapServers(), dataDir, FAST, bus);
        function = new InvokeApiFunction();
        harness.registerInvokeApiFunction("fn", function, Duration.ofSeconds(3));
    }

    @AfterEach
    void tearDown() {
        harness.close();
        function.close();
    }

    private static String[] values(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toArray(String[]::new);
    }

    @Test
    void countersEqualWhatWasProducedInvokedFailedAndCommitted_andTheStoredSeriesAddUpToThem() {
        String topic = TestTopics.unique("counts");
        broker.createTopic(topic, 2);
        harness.produce(topic, 0, values("a", 60));
        harness.produce(topic, 1, values("b", 40));
        function.behave((call, event) -> call <= 2 ? InvokeApiFunction.Response.error("boom") : InvokeApiFunction.Response.ok());
        Instant start = Instant.now().minusSeconds(1);

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.batchSize(25));
        await().until(() -> harness.engine().metrics().latest(mapping.uuid())
                .map(s -> s.totals().committed() == 100 && s.offsetLag() == 0).orElse(false));

        List<InvocationSummary> attempts = harness.engine().history().list(HistoryQuery.ofMapping(mapping.uuid(), 100));
        int sent = attempts.stream().mapToInt(InvocationSummary::recordCount).sum();
        int failed = attempts.stream().filter(a -> !a.outcome().isSuccess()).mapToInt(InvocationSummary::recordCount).sum();
        CounterTotals totals = harness.engine().metrics().totals(mapping.uuid());
        assertThat(totals.polled()).isEqualTo(100);
        assertThat(totals.invoked()).isEqualTo(sent).isEqualTo(function.delivered().size());
        assertThat(totals.failedInvoke()).isEqualTo(failed).isEqualTo(50);
        assertThat(totals.get(EsmMetric.INVOKE_ERROR_COUNT)).isEqualTo(2);
        assertThat(totals.committed()).isEqualTo(100);
        assertThat(totals.get(EsmMetric.DROPPED_EVENT_COUNT)).isZero();
        assertThat(totals.get(EsmMetric.COMMIT_ERROR_COUNT)).isZero();

        MetricsSnapshot last = harness.engine().metrics().latest(mapping.uuid()).orElseThrow();
        Instant end = last.at().plusMillis(1);
        for (EsmMetric counter : List.of(EsmMetric.POLLED_EVENT_COUNT, EsmMetric.INVOKED_EVENT_COUNT,
                EsmMetric.FAILED_INVOKE_EVENT_COUNT, EsmMetric.COMMITTED_EVENT_COUNT, EsmMetric.INVOKE_ERROR_COUNT)) {
            MetricSeries series = harness.engine().metrics().series(
                    new MetricQuery(mapping.uuid(), counter, null, start, end, Duration.ofSeconds(1)));
            assertThat(series.total()).as(counter.awsName()).isEqualTo((double) last.totals().get(counter));
            MetricSeries minutes = harness.engine().metrics().series(
                    new MetricQuery(mapping.uuid(), counter, null, start, end, Duration.ofMinutes(1)));
            assertThat(minutes.source()).isEqualTo("minute");
            assertThat(minutes.total()).as(counter.awsName() + " per minute").isEqualTo((double) last.totals().get(counter));
        }
        assertThat(samples).anySatisfy(s -> assertThat(s.mappingUuid()).isEqualTo(mapping.uuid()));
        assertThat(samples).extracting(s -> s.value(EsmMetric.DURATION_P50).orElse(0)).anySatisfy(p -> assertThat(p).isPositive());
        assertThat(samples).extracting(s -> s.value(EsmMetric.CONCURRENT_EXECUTIONS).orElse(0)).contains(1.0);
    }

    @Test
    void reportsOffsetLagPerPartition_andTheAgeOfTheOldestUnprocessedRecord() {
        String topic = TestTopics.unique("lag");
        broker.createTopic(topic, 3);
        long fortyTwoSecondsAgo = System.currentTimeMillis() - 42_000;
        harness.produce(topic, 0, fortyTwoSecondsAgo, values("old", 5));
        harness.produce(topic, 1, values("new", 3));
        function.behave((call, event) -> InvokeApiFunction.Response.error("not yet"));

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.batchSize(100));

        await().until(() -> harness.engine().metrics().latest(mapping.uuid())
                .map(s -> s.offsetLag() == 8).orElse(false));
        MetricsSnapshot blocked = harness.engine().metrics().latest(mapping.uuid()).orElseThrow();
        assertThat(blocked.partitions()).extracting(PartitionLag::lag).containsExactly(5L, 3L, 0L);
        assertThat(blocked.value(EsmMetric.MAX_OFFSET_LAG)).hasValue(5.0);
        assertThat(blocked.value(EsmMetric.SUM_OFFSET_LAG)).hasValue(8.0);
        assertThat(blocked.value(EsmMetric.TIME_LAG).orElseThrow()).isBetween(42_000.0, 62_000.0);

        harness.produce(topic, 2, values("more", 50));
        await().until(() -> harness.engine().metrics().latest(mapping.uuid())
                .map(s -> s.trend() == LagTrend.RISING).orElse(false));

        function.behave((call, event) -> InvokeApiFunction.Response.ok());
        await().until(() -> harness.engine().metrics().latest(mapping.uuid())
                .map(s -> s.offsetLag() == 0 && s.value(EsmMetric.TIME_LAG).orElse(-1) == 0).orElse(false));
        await().until(() -> harness.engine().metrics().latest(mapping.uuid())
                .map(s -> s.trend() == LagTrend.FALLING || s.trend() == LagTrend.STEADY).orElse(false));

        Instant now = Instant.now();
        MetricSeries partitionTwo = harness.engine().metrics().series(new MetricQuery(mapping.uuid(),
                EsmMetric.OFFSET_LAG, 2, now.minusSeconds(60), now.plusSeconds(1), Duration.ofMillis(200)));
        assertThat(partitionTwo.points()).extracting(p -> p.max()).contains(50.0);
        assertThat(partitionTwo.points().get(partitionTwo.points().size() - 1).value()).isZero();
    }
}
