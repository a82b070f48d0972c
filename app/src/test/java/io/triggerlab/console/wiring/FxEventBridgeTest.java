package io.triggerlab.console.wiring;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.engine.observe.events.EngineEvent;
import io.triggerlab.engine.observe.events.EngineEventBus;
import io.triggerlab.engine.observe.metrics.CounterTotals;
import io.triggerlab.engine.observe.metrics.LagTrend;
import io.triggerlab.engine.observe.metrics.MetricsSnapshot;
import io.triggerlab.engine.observe.metrics.ScalingDecision;
import io.triggerlab.engine.observe.metrics.ScalingReason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FxEventBridgeTest {

    private static final int EVENTS = 20_000;

    private final EngineEventBus bus = new EngineEventBus();
    private final List<EngineEvent> delivered = new CopyOnWriteArrayList<>();

    private static EngineEvent started(int i) {
        return new EngineEvent.EngineStarted(Instant.EPOCH.plusMillis(i), "broker-" + i + ":9092", true, null);
    }

    private static void publishFromBackgroundThread(EngineEventBus bus, int count) throws InterruptedException {
        Thread engineThread = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                bus.publish(started(i));
            }
        }, "test-engine-publisher");
        engineThread.start();
        engineThread.join();
    }

    @Test
    void burstOfTwentyThousandEvents_schedulesOneFxRun_andLastStateWins() throws InterruptedException {
        QueuedExecutor busyFxThread = new QueuedExecutor();
        FxEventBridge bridge = new FxEventBridge(busyFxThread);
        bridge.addListener(delivered::add);
        bridge.attach(bus::subscribe);

        publishFromBackgroundThread(bus, EVENTS);

        assertThat(busyFxThread.submitted()).isEqualTo(1);
        assertThat(delivered).isEmpty();

        busyFxThread.runAll();

        assertThat(delivered).containsExactly(started(EVENTS - 1));
    }

    @Test
    void metricsOfEachMapping_keepTheirLatestSample_andNoScalingDecisionIsLost() {
        QueuedExecutor fxThread = new QueuedExecutor();
        FxEventBridge bridge = new FxEventBridge(fxThread);
        bridge.addListener(delivered::add);
        bridge.attach(bus::subscribe);

        EngineEvent a1 = sampled("a", 1);
        EngineEvent b1 = sampled("b", 1);
        EngineEvent a2 = sampled("a", 2);
        EngineEvent up = scaled("a", 1, 1, 2);
        EngineEvent up2 = scaled("a", 2, 2, 3);
        for (EngineEvent e : List.of(a1, b1, up, a2, up2)) {
            bus.publish(e);
        }
        fxThread.runAll();

        assertThat(delivered).containsExactly(a2, b1, up, up2);
    }

    private static EngineEvent sampled(String uuid, int second) {
        Instant at = Instant.EPOCH.plusSeconds(second);
        return new EngineEvent.MetricsSampled(at, new MetricsSnapshot(uuid, at, Duration.ofSeconds(5), Map.of(),
                List.of(), LagTrend.STEADY, new CounterTotals(Map.of())));
    }

    private static EngineEvent scaled(String uuid, long id, int from, int to) {
        Instant at = Instant.EPOCH.plusSeconds(id);
        return new EngineEvent.ScalingDecided(at, new ScalingDecision(id, uuid, at, from, to,
                ScalingReason.LAG_GROWING, "lag rose"));
    }

    @Test
    void nextBurstAfterADrain_schedulesOneMoreRun() throws InterruptedException {
        QueuedExecutor fxThread = new QueuedExecutor();
        FxEventBridge bridge = new FxEventBridge(fxThread);
        bridge.addListener(delivered::add);
        bridge.attach(bus::subscribe);

        publishFromBackgroundThread(bus, EVENTS);
        fxThread.runAll();
        publishFromBackgroundThread(bus, 3);
        fxThread.runAll();

        assertThat(fxThread.submitted()).isEqualTo(2);
        assertThat(delivered).containsExactly(started(EVENTS - 1), started(2));
    }

    @Test
    void neverMoreThanOneRunPending_whileTheFxThreadDrainsConcurrently() throws InterruptedException {
        AtomicInteger waiting = new AtomicInteger();
        AtomicInteger mostWaiting = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        ExecutorService fxThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-fx-thread"));
        try {
            FxEventBridge bridge = new FxEventBridge(task -> {
                mostWaiting.accumulateAndGet(waiting.incrementAndGet(), Math::max);
                fxThread.execute(() -> {
                    waiting.decrementAndGet();
                    runs.incrementAndGet();
                    task.run();
                });
            });
            bridge.addListener(delivered::add);
            bridge.attach(bus::subscribe);

            publishFromBackgroundThread(bus, EVENTS);

            await().until(() -> !delivered.isEmpty() && delivered.get(delivered.size() - 1).equals(started(EVENTS - 1)));
            assertThat(mostWaiting.get()).isEqualTo(1);
            assertThat(delivered).hasSize(runs.get()).hasSizeLessThan(EVENTS);
        } finally {
            fxThread.shutdownNow();
        }
    }

    @Test
    void keepsTheLatestEventOfEachKind_inOrderOfFirstArrival() {
        QueuedExecutor fxThread = new QueuedExecutor();
        FxEventBridge bridge = new FxEventBridge(fxThread);
        bridge.addListener(delivered::add);
        bridge.attach(bus::subscribe);
        EngineEvent stopping = new EngineEvent.EngineStopping(Instant.EPOCH);

        bus.publish(started(1));
        bus.publish(stopping);
        bus.publish(started(2));
        fxThread.runAll();

        assertThat(delivered).containsExactly(started(2), stopping);
    }

    @Test
    void aFailingListener_doesNotStopTheOthers() {
        QueuedExecutor fxThread = new QueuedExecutor();
        FxEventBridge bridge = new FxEventBridge(fxThread);
        bridge.addListener(event -> {
            throw new IllegalStateException("broken screen");
        });
        bridge.addListener(delivered::add);
        bridge.attach(bus::subscribe);

        bus.publish(started(7));
        fxThread.runAll();

        assertThat(delivered).containsExactly(started(7));
    }

    @Test
    void closedBridge_ignoresLaterEvents() {
        QueuedExecutor fxThread = new QueuedExecutor();
        FxEventBridge bridge = new FxEventBridge(fxThread);
        bridge.addListener(delivered::add);
        bridge.attach(bus::subscribe);

        bridge.close();
        bus.publish(started(1));
        fxThread.runAll();

        assertThat(fxThread.submitted()).isZero();
        assertThat(delivered).isEmpty();
    }

    @Test
    void mappingEventsKeyOnTheMapping_soOneMappingNeverHidesAnother_andARemovalIsTheLastWord() {
        QueuedExecutor fxThread = new QueuedExecutor();
        FxEventBridge bridge = new FxEventBridge(fxThread);
        bridge.addListener(delivered::add);
        bridge.attach(bus::subscribe);
        var a1 = new EngineEvent.MappingChanged(Instant.EPOCH, io.triggerlab.console.triggers.TestMappings.mapping(
                "aaaaaaaa-0000-0000-0000-000000000001", "fn", "orders", io.triggerlab.engine.controlplane.mapping.MappingState.CREATING, "OK"));
        var b = new EngineEvent.MappingChanged(Instant.EPOCH, io.triggerlab.console.triggers.TestMappings.mapping(
                "bbbbbbbb-0000-0000-0000-000000000002", "fn", "payments", io.triggerlab.engine.controlplane.mapping.MappingState.ENABLED, "OK"));
        var a2 = new EngineEvent.MappingChanged(Instant.EPOCH, a1.mapping().toBuilder()
                .state(io.triggerlab.engine.controlplane.mapping.MappingState.ENABLED).build());
        var aRemoved = new EngineEvent.MappingRemoved(Instant.EPOCH, "aaaaaaaa-0000-0000-0000-000000000001");

        bus.publish(a1);
        bus.publish(b);
        bus.publish(a2);
        fxThread.runAll();
        assertThat(delivered).containsExactly(a2, b);

        delivered.clear();
        bus.publish(a2);
        bus.publish(aRemoved);
        fxThread.runAll();
        assertThat(delivered).containsExactly(aRemoved);
    }
}
