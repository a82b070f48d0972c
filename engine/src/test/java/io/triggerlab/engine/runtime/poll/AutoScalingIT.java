package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.observe.events.EngineEvent;
import io.triggerlab.engine.observe.events.EngineEventBus;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.observe.metrics.CounterTotals;
import io.triggerlab.engine.observe.metrics.EsmMetric;
import io.triggerlab.engine.observe.metrics.MetricsSettings;
import io.triggerlab.engine.observe.metrics.ScalingDecision;
import io.triggerlab.engine.observe.metrics.ScalingReason;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Lambda's consumer autoscaling end to end: real broker, real engine, a function behind the Invoke API. */
@ExtendWith(SharedKafkaBroker.class)
class AutoScalingIT {

    private static final MetricsSettings FAST = MetricsSettings.defaults()
            .withSampleInterval(Duration.ofMillis(200))
            .withEvaluationPeriod(Duration.ofSeconds(1))
            .withTrendWindow(Duration.ofSeconds(1));
    private static final int PARTITIONS = 4;

    private final EmbeddedKafkaBroker broker;
    private final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService producing = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "it-producer"));
    private final AtomicLong produced = new AtomicLong();
    private EngineHarness harness;
    private InvokeApiFunction function;
    private PartitionGuardFunction guard;
    private KafkaProducer<String, String> producer;

    AutoScalingIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void setUp(@TempDir Path dataDir) {
        EngineEventBus bus = new EngineEventBus();
        bus.subscribe(events::add);
        harness = new EngineHarness(broker.bootstrapServers(), dataDir, FAST, bus);
        function = new InvokeApiFunction();
        guard = new PartitionGuardFunction(150);
        function.behave(guard);
        harness.registerInvokeApiFunction("fn", function, Duration.ofSeconds(5));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        producing.shutdownNow();
        producing.awaitTermination(5, TimeUnit.SECONDS);
        producer.close();
        harness.close();
        function.close();
    }

    /** Every 100 ms, {@code perPartition} records to each partition: far more than one slow poller can take. */
    private void startProducing(String topic, int perPartition) {
        producing.scheduleAtFixedRate(() -> {
            for (int p = 0; p < PARTITIONS; p++) {
                for (int i = 0; i < perPartition; i++) {
                    producer.send(new ProducerRecord<>(topic, p, null, "v"));
                    produced.incrementAndGet();
                }
            }
            producer.flush();
        }, 0, 100, TimeUnit.MILLISECONDS);
    }

    private void stopProducing() throws InterruptedException {
        producing.shutdown();
        assertThat(producing.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private List<ScalingDecision> decisions(String uuid) {
        List<ScalingDecision> newestFirst = harness.engine().metrics().scalingDecisions(uuid, 100);
        List<ScalingDecision> out = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    @Test
    void scalesOutWhileLagGrows_thenInWhenLagIsGone_keepingEachPartitionInOrder() throws Exception {
        String topic = TestTopics.unique("scale");
        broker.createTopic(topic, PARTITIONS);
        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.batchSize(10));
        assertThat(harness.engine().pollerCount(mapping.uuid())).isEqualTo(1);

        startProducing(topic, 8);
        await().atMost(Duration.ofSeconds(60)).until(() -> harness.engine().pollerCount(mapping.uuid()) == PARTITIONS);
        stopProducing();
        guard.mode(PartitionGuardFunction.Mode.FAST);

        await().atMost(Duration.ofSeconds(60)).until(() -> harness.engine().pollerCount(mapping.uuid()) == 1);
        await().until(() -> harness.engine().metrics().latest(mapping.uuid()).map(s -> s.offsetLag() == 0).orElse(false));

        List<ScalingDecision> decisions = decisions(mapping.uuid());
        assertThat(decisions).extracting(d -> d.fromPollers() + "->" + d.toPollers() + " " + d.reason())
                .containsExactly("1->2 LAG_GROWING", "2->3 LAG_GROWING", "3->4 LAG_GROWING",
                        "4->3 LAG_GONE", "3->2 LAG_GONE", "2->1 LAG_GONE");
        assertThat(decisions.get(0).message()).startsWith("OffsetLag rose from ");
        assertThat(events).filteredOn(e -> e instanceof EngineEvent.ScalingDecided)
                .extracting(e -> ((EngineEvent.ScalingDecided) e).decision().id())
                .containsExactlyElementsOf(decisions.stream().map(ScalingDecision::id).toList());

        assertThat(guard.overlapping()).as("partitions processed by two consumers at once").isEmpty();
        CounterTotals totals = harness.engine().metrics().totals(mapping.uuid());
        assertEveryPartitionInOrder(totals.get(EsmMetric.COMMIT_ERROR_COUNT));
        assertThat(totals.failedInvoke()).isZero();
        assertThat(totals.invoked()).isEqualTo(function.delivered().size());
        assertThat(totals.polled()).isGreaterThanOrEqualTo(produced.get());
        // Every record committed once; a record redelivered after its partition moved mid-commit, once more.
        assertThat(totals.committed()).isBetween(produced.get(), (long) function.delivered().size());
    }

    /**
     * Per partition, in call order: each call's offsets are consecutive, and each call starts right after the previous
     * one ended — or, only after a failed commit, at an earlier offset (redelivery, at-least-once) — never beyond it.
     */
    private void assertEveryPartitionInOrder(long commitErrors) {
        Map<Integer, List<PartitionGuardFunction.Slice>> byPartition = guard.slicesByPartition();
        assertThat(byPartition).hasSize(PARTITIONS);
        int redeliveries = 0;
        long delivered = 0;
        for (Map.Entry<Integer, List<PartitionGuardFunction.Slice>> e : byPartition.entrySet()) {
            long next = 0;
            for (PartitionGuardFunction.Slice slice : e.getValue()) {
                List<Long> offsets = slice.offsets();
                for (int i = 1; i < offsets.size(); i++) {
                    assertThat(offsets.get(i)).as("partition %d within one call", e.getKey()).isEqualTo(offsets.get(i - 1) + 1);
                }
                assertThat(offsets.get(0)).as("partition %d: no record skipped", e.getKey()).isLessThanOrEqualTo(next);
                if (offsets.get(0) < next) {
                    redeliveries++;
                }
                next = Math.max(next, offsets.get(offsets.size() - 1) + 1);
            }
            delivered += next;
        }
        assertThat(delivered).isEqualTo(produced.get());
        assertThat(redeliveries).as("redeliveries happen only after a failed commit").isLessThanOrEqualTo((int) commitErrors * PARTITIONS);
    }

    @Test
    void scalesIn_whenTheFunctionThrottles() throws Exception {
        String topic = TestTopics.unique("throttle");
        broker.createTopic(topic, PARTITIONS);
        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.batchSize(10));
        startProducing(topic, 8);
        await().atMost(Duration.ofSeconds(60)).until(() -> harness.engine().pollerCount(mapping.uuid()) >= 3);

        guard.mode(PartitionGuardFunction.Mode.THROTTLED);

        await().atMost(Duration.ofSeconds(60)).until(() -> harness.engine().pollerCount(mapping.uuid()) == 1);
        List<ScalingDecision> decisions = decisions(mapping.uuid());
        ScalingDecision last = decisions.get(decisions.size() - 1);
        assertThat(last.reason()).isEqualTo(ScalingReason.THROTTLED);
        assertThat(last.toPollers()).isEqualTo(1);
        assertThat(last.message()).startsWith("The function was throttled ");
        assertThat(harness.engine().metrics().totals(mapping.uuid()).get(EsmMetric.THROTTLES)).isPositive();
        stopProducing();
    }

    @Test
    void provisionedMinimumEqualToMaximum_pinsThePollerCount() throws Exception {
        String topic = TestTopics.unique("pinned");
        broker.createTopic(topic, PARTITIONS);
        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.batchSize(10)
                .provisionedPollerConfig(new ProvisionedPollerConfig(2, 2, null)));
        assertThat(harness.engine().pollerCount(mapping.uuid())).isEqualTo(2);
        startProducing(topic, 8);

        await().until(() -> harness.engine().metrics().latest(mapping.uuid())
                .map(s -> s.offsetLag() > 100).orElse(false));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> harness.engine().pollerCount(mapping.uuid()) == 2);
        assertThat(decisions(mapping.uuid())).isEmpty();
        stopProducing();
    }
}
