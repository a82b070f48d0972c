package io.triggerlab.console.triggers;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.observe.events.EngineEvent;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.triggerlab.console.triggers.TestMappings.mapping;
import static org.assertj.core.api.Assertions.assertThat;

class TriggerListViewModelTest {

    private static final String A = "aaaaaaaa-0000-0000-0000-000000000001";
    private static final String B = "bbbbbbbb-0000-0000-0000-000000000002";

    private final QueuedExecutor background = new QueuedExecutor();
    private final List<EventSourceMapping> stored = new ArrayList<>();
    private final TriggerListViewModel vm = new TriggerListViewModel(() -> List.copyOf(stored),
            new BackgroundWork(background, Runnable::run));

    @Test
    void loadsEveryTrigger_withFunctionTopicAndBadge() {
        stored.add(mapping(A, "order-fn", "orders", MappingState.ENABLED, "OK"));
        stored.add(mapping(B, "pay-fn", "payments", MappingState.CREATING, "No records processed"));

        vm.refresh();
        assertThat(vm.loadingProperty().get()).isTrue();
        background.runAll();

        assertThat(vm.rows()).containsExactly(
                new TriggerRow(A, "order-fn", "orders", StateBadge.ENABLED, "triggerlab-sandbox"),
                new TriggerRow(B, "pay-fn", "payments", StateBadge.CREATING, "triggerlab-sandbox"));
        assertThat(vm.rows().get(1).badge().label()).isEqualTo("Creating…");
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void engineEvents_updateAddAndRemoveRows_live() {
        stored.add(mapping(A, "order-fn", "orders", MappingState.CREATING, "No records processed"));
        vm.refresh();
        background.runAll();
        vm.selectedUuidProperty().set(A);

        vm.onEngineEvent(new EngineEvent.MappingChanged(Instant.EPOCH,
                mapping(A, "order-fn", "orders", MappingState.ENABLED, "PROBLEM: Function call failed")));
        vm.onEngineEvent(new EngineEvent.MappingChanged(Instant.EPOCH,
                mapping(B, "pay-fn", "payments", MappingState.DISABLED, "No records processed")));

        assertThat(vm.rows()).extracting(TriggerRow::badge).containsExactly(StateBadge.PROBLEM, StateBadge.DISABLED);

        vm.onEngineEvent(new EngineEvent.MappingRemoved(Instant.EPOCH, A));

        assertThat(vm.rows()).extracting(TriggerRow::uuid).containsExactly(B);
        assertThat(vm.selectedUuidProperty().get()).as("a removed trigger is no longer selected").isNull();
    }

    /**
     * An engine restart: the list loads while the pollers start. The load reads "Enabling…", the engine then says
     * Enabled before the load's rows arrive; the newer state must win (the stale badge stayed for over a minute).
     */
    @Test
    void aStateReportedWhileTheListLoads_winsOverTheOlderLoadedState() {
        List<TriggerListViewModel> self = new ArrayList<>();
        TriggerListViewModel restarted = new TriggerListViewModel(() -> {
            List<EventSourceMapping> read = List.of(mapping(A, "order-fn", "orders", MappingState.ENABLING,
                    "No records processed"));
            self.get(0).onEngineEvent(new EngineEvent.MappingChanged(Instant.EPOCH,
                    mapping(A, "order-fn", "orders", MappingState.ENABLED, "No records processed")));
            return read;
        }, new BackgroundWork(background, Runnable::run));
        self.add(restarted);

        restarted.refresh();
        background.runAll();

        assertThat(restarted.rows()).extracting(TriggerRow::badge).containsExactly(StateBadge.ENABLED);
        assertThat(restarted.loadingProperty().get()).isFalse();

        // Once loaded, an older event record is not replayed over a later load.
        stored.clear();
        restarted.onEngineEvent(new EngineEvent.MappingChanged(Instant.EPOCH,
                mapping(A, "order-fn", "orders", MappingState.DISABLED, "No records processed")));
        assertThat(restarted.rows()).extracting(TriggerRow::badge).containsExactly(StateBadge.DISABLED);
    }

    @Test
    void aFailedLoad_saysWhy() {
        TriggerListViewModel failing = new TriggerListViewModel(() -> {
            throw new IllegalStateException("Cannot read mappings: database closed");
        }, new BackgroundWork(background, Runnable::run));

        failing.refresh();
        background.runAll();

        assertThat(failing.errorMessageProperty().get())
                .isEqualTo("Could not load the triggers: Cannot read mappings: database closed");
    }

    @Test
    void badge_problemWinsOverEnabled_butNotOverDisabled() {
        assertThat(StateBadge.of(MappingState.ENABLED, "PROBLEM: Connection error.")).isEqualTo(StateBadge.PROBLEM);
        assertThat(StateBadge.of(MappingState.DISABLED, "PROBLEM: Connection error.")).isEqualTo(StateBadge.DISABLED);
        assertThat(StateBadge.of(MappingState.UPDATING, "OK").label()).isEqualTo("Updating…");
    }
}
