package io.triggerlab.console.pollers;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.triggers.TestMappings;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;
import io.triggerlab.engine.observe.metrics.CounterTotals;
import io.triggerlab.engine.observe.metrics.EsmMetric;
import io.triggerlab.engine.observe.metrics.LagTrend;
import io.triggerlab.engine.observe.metrics.MetricsSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PollersViewModelTest {

    private static final String UUID = "a1b2c3d4-5678-90ab-cdef-111111111111";

    /** The engine's mappings; an update stores the new ProvisionedPollerConfig as the API does ({} = on-demand). */
    private static final class FakeMappings implements PollersBackend {
        final List<EventSourceMapping> all = new ArrayList<>();
        final List<UpdateEventSourceMappingRequest> updates = new ArrayList<>();

        @Override
        public List<EventSourceMapping> mappings() {
            return List.copyOf(all);
        }

        @Override
        public EventSourceMapping update(String uuid, UpdateEventSourceMappingRequest request) {
            updates.add(request);
            ProvisionedPollerConfig config = request.provisionedPollerConfig();
            EventSourceMapping before = all.stream().filter(m -> m.uuid().equals(uuid)).findFirst().orElseThrow();
            EventSourceMapping after = before.toBuilder().provisionedPollerConfig(config.isEmpty() ? null : config)
                    .state(MappingState.UPDATING).build();
            all.replaceAll(m -> m.uuid().equals(uuid) ? after : m);
            return after;
        }
    }

    private final FakeMappings engine = new FakeMappings();
    private final PollersViewModel vm = new PollersViewModel(engine, new BackgroundWork(Runnable::run, Runnable::run));

    private static EventSourceMapping mapping(String uuid, ProvisionedPollerConfig pollers) {
        return TestMappings.mapping(uuid, "fn", "orders", MappingState.ENABLED, "OK").toBuilder()
                .provisionedPollerConfig(pollers).build();
    }

    @Test
    void onDemandTrigger_turnedProvisioned_sendsItsPollersAndGroup() {
        EventSourceMapping m = mapping(UUID, null);
        engine.all.add(m);
        vm.show(m);
        assertThat(vm.modeProperty().get()).startsWith("On-demand mode");
        assertThat(vm.fields().provisionedProperty().get()).isFalse();

        vm.fields().provisionedProperty().set(true);
        vm.fields().minPollersProperty().set("2");
        vm.fields().maxPollersProperty().set(" 10 ");
        vm.fields().groupProperty().set("orders-group");
        vm.save();

        assertThat(engine.updates).hasSize(1);
        assertThat(engine.updates.get(0).provisionedPollerConfig())
                .isEqualTo(new ProvisionedPollerConfig(2, 10, "orders-group"));
        assertThat(vm.modeProperty().get()).isEqualTo("Provisioned mode: 2 to 10 event pollers, poller group orders-group.");
        assertThat(vm.canSaveProperty().get()).as("Updating until the engine says Enabled").isFalse();
        assertThat(vm.groupSummaryProperty().get()).startsWith("Poller group orders-group: 1 trigger of at most 100, "
                + "10 of at most 2,000 MaximumPollers in total.");
    }

    @Test
    void groupSummary_countsTheGroupsTriggersAndTheirMaximumPollers_absentAs200() {
        engine.all.add(mapping(UUID, new ProvisionedPollerConfig(1, 50, "g")));
        engine.all.add(mapping("b2c3d4e5-5678-90ab-cdef-222222222222", new ProvisionedPollerConfig(1, null, "g")));
        engine.all.add(mapping("c3d4e5f6-5678-90ab-cdef-333333333333", new ProvisionedPollerConfig(1, 7, "other")));

        vm.show(engine.all.get(0));

        assertThat(vm.groupSummaryProperty().get()).startsWith("Poller group g: 2 triggers of at most 100, 250 of at "
                + "most 2,000 MaximumPollers in total.");
        assertThat(vm.fields().minPollersProperty().get()).isEqualTo("1");
        assertThat(vm.fields().maxPollersProperty().get()).isEqualTo("50");
        assertThat(vm.fields().groupProperty().get()).isEqualTo("g");
    }

    @Test
    void clearingTheGroupSendsAnEmptyName_andTurningProvisionedOffSendsAnEmptyConfig() {
        EventSourceMapping m = mapping(UUID, new ProvisionedPollerConfig(1, 5, "g"));
        engine.all.add(m);
        vm.show(m);

        vm.fields().groupProperty().set("");
        vm.save();
        assertThat(engine.updates.get(0).provisionedPollerConfig()).isEqualTo(new ProvisionedPollerConfig(1, 5, ""));

        vm.show(engine.all.get(0).toBuilder().state(MappingState.ENABLED).build());
        vm.fields().provisionedProperty().set(false);
        vm.save();
        assertThat(engine.updates.get(1).provisionedPollerConfig().isEmpty()).isTrue();
    }

    @Test
    void aNumberThatIsNotOneIsRefusedBeforeAnythingIsSent() {
        EventSourceMapping m = mapping(UUID, new ProvisionedPollerConfig(1, 5, null));
        engine.all.add(m);
        vm.show(m);
        vm.fields().maxPollersProperty().set("lots");

        vm.save();

        assertThat(engine.updates).isEmpty();
        assertThat(vm.errorMessageProperty().get()).isEqualTo("MaximumPollers 'lots' is not a whole number: give "
                + "1..2000, or leave it empty for Kafka's default.");
    }

    @Test
    void editsSurviveANewerVersionOfTheSameTrigger_butNotAnotherTrigger() {
        EventSourceMapping m = mapping(UUID, new ProvisionedPollerConfig(1, 5, null));
        vm.show(m);
        vm.fields().maxPollersProperty().set("8");

        vm.show(m.toBuilder().lastProcessingResult("PROBLEM: Function call failed").build());
        assertThat(vm.fields().maxPollersProperty().get()).isEqualTo("8");

        vm.show(mapping("b2c3d4e5-5678-90ab-cdef-222222222222", null));
        assertThat(vm.fields().maxPollersProperty().get()).isEmpty();
        assertThat(vm.fields().provisionedProperty().get()).isFalse();
    }

    @Test
    void showsTheProvisionedModeMetricsOfTheTriggerShown() {
        EventSourceMapping m = mapping(UUID, new ProvisionedPollerConfig(2, 4, "g"));
        vm.show(m);
        assertThat(vm.liveMetricsProperty().get()).startsWith("Waiting for the next sample");

        vm.onMetricsSampled(sample("b2c3d4e5-5678-90ab-cdef-222222222222", 9, 1, 1));
        assertThat(vm.liveMetricsProperty().get()).startsWith("Waiting");
        vm.onMetricsSampled(sample(UUID, 2, 0.2, 12_345));

        assertThat(vm.liveMetricsProperty().get()).isEqualTo("ProvisionedPollers 2 · EventPollerUnit 0.20 · "
                + "EventPollerThroughputInBytes 12,345 in the last 5.0 s");
    }

    @Test
    void onDemandTrigger_saysAwsPublishesNoProvisionedMetrics() {
        vm.show(mapping(UUID, null));

        assertThat(vm.liveMetricsProperty().get()).startsWith("On-demand mode: AWS publishes no ProvisionedPollers");
    }

    private static MetricsSnapshot sample(String uuid, double pollers, double units, double bytes) {
        return new MetricsSnapshot(uuid, Instant.parse("2026-01-31T09:30:00Z"), Duration.ofSeconds(5),
                Map.of(EsmMetric.PROVISIONED_POLLERS, pollers, EsmMetric.EVENT_POLLER_UNIT, units,
                        EsmMetric.EVENT_POLLER_THROUGHPUT_IN_BYTES, bytes),
                List.of(), LagTrend.STEADY, new CounterTotals(Map.of()));
    }
}
