package io.triggerlab.engine.observe.metrics;

import io.triggerlab.engine.infra.store.ScalingDecisionLog;

import io.triggerlab.engine.observe.events.EngineEvent;
import io.triggerlab.engine.observe.events.EngineEventBus;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.history.PartitionRange;
import io.triggerlab.engine.controlplane.mapping.StartingPosition;
import io.triggerlab.engine.infra.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The controller around the pure policy: what it reads, and that a change is applied, kept and announced. */
class ScalingControllerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Database db = Database.inMemory("scaling-" + UUID.randomUUID());
    private final List<EngineEvent> events = new ArrayList<>();
    private final EngineEventBus bus = new EngineEventBus();
    private final MappingCounters counters = new MappingCounters("m");
    private final LagHistory lag = new LagHistory(Duration.ofMinutes(2));
    private final FakePollers pollers = new FakePollers();
    private final ScalingDecisionLog log = new ScalingDecisionLog(db.dataSource());

    private static final class FakePollers implements PollerGroup {
        int count = 1;

        @Override
        public int pollerCount() {
            return count;
        }

        @Override
        public void scaleTo(int newCount) {
            count = newCount;
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ScalingController controller(Instant now) {
        bus.subscribe(events::add);
        MonitoredMapping mapping = new MonitoredMapping("m", "t", "m", Map.of("bootstrap.servers", "x:1"),
                StartingPosition.LATEST, null, null);
        return new ScalingController(mapping, pollers, lag, counters, MetricsSettings.defaults(), log, bus,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void scalesOut_keepsTheDecision_andAnnouncesIt_whenLagRoseDuringThePeriod() {
        for (int i = 0; i <= 12; i++) {
            lag.add(T0.plusSeconds(5L * i), 100L * i, 4);
        }
        Optional<ScalingDecision> decision = controller(T0.plusSeconds(60)).evaluate();

        assertThat(pollers.count).isEqualTo(2);
        assertThat(decision).hasValueSatisfying(d -> {
            assertThat(d.reason()).isEqualTo(ScalingReason.LAG_GROWING);
            assertThat(d.message()).isEqualTo("OffsetLag rose from 100 to 1200 over 60 s");
        });
        assertThat(log.list("m", 10)).containsExactly(decision.get());
        assertThat(events).singleElement().isEqualTo(new EngineEvent.ScalingDecided(T0.plusSeconds(60), decision.get()));
    }

    @Test
    void countsOnlyThrottlesOfTheCurrentPeriod() {
        pollers.count = 3;
        counters.recorded(new InvocationRecord(0, "m", "b", 1, "r", T0, Duration.ZERO, InvocationOutcome.THROTTLED,
                List.of(new PartitionRange("t", 0, 0, 0, 1)), 1, 1, null, null, null, ""));
        ScalingController controller = controller(T0);
        lag.add(T0.minusSeconds(5), 0, 4);
        lag.add(T0, 0, 4);

        Optional<ScalingDecision> first = controller.evaluate();

        // The throttle happened before the controller existed: the lag being gone is the reason, not the throttle.
        assertThat(first).map(ScalingDecision::reason).hasValue(ScalingReason.LAG_GONE);
        assertThat(pollers.count).isEqualTo(2);
    }

    @Test
    void staysSilent_whenNothingChanges() {
        lag.add(T0.minusSeconds(5), 10, 4);
        lag.add(T0, 10, 4);
        assertThat(controller(T0).evaluate()).isEmpty();
        assertThat(events).isEmpty();
        assertThat(log.list("m", 10)).isEmpty();
    }
}
