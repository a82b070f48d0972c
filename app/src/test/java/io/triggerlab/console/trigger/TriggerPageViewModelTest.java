package io.triggerlab.console.trigger;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.triggers.StateBadge;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.ResourceInUseException;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.triggerlab.console.triggers.TestMappings.mapping;
import static org.assertj.core.api.Assertions.assertThat;

class TriggerPageViewModelTest {

    private static final String A = "aaaaaaaa-0000-0000-0000-000000000001";
    private static final String B = "bbbbbbbb-0000-0000-0000-000000000002";

    private final QueuedExecutor background = new QueuedExecutor();
    private final FakeBackend backend = new FakeBackend();
    private final TriggerPageViewModel vm = new TriggerPageViewModel(backend, new BackgroundWork(background, Runnable::run),
            ZoneOffset.UTC);

    @Test
    void showsStatus_andExplainsAProblem_withCausesAndFixes() {
        backend.stored.put(A, mapping(A, "pay-fn", "payments", MappingState.ENABLED, "PROBLEM: Function call failed"));

        vm.show(A);
        background.runAll();

        assertThat(vm.titleProperty().get()).isEqualTo("pay-fn");
        assertThat(vm.subtitleProperty().get()).isEqualTo("Kafka topic payments on MSK cluster triggerlab-sandbox");
        assertThat(vm.stateProperty().get()).isEqualTo("Enabled");
        assertThat(vm.stateTransitionReasonProperty().get()).isEqualTo("USER_INITIATED");
        assertThat(vm.badgeProperty().get()).isEqualTo(StateBadge.PROBLEM);
        assertThat(vm.severityProperty().get()).isEqualTo(ResultSeverity.PROBLEM);
        assertThat(vm.problemProperty().get()).isTrue();
        assertThat(vm.problemTitleProperty().get()).isEqualTo("The function failed on the last batch");
        assertThat(vm.problemDetailsProperty().get()).contains("Likely causes:", "What to do:", "Invocations tab");
        assertThat(vm.configurationProperty().get()).contains("Batch size: 100", "Batch window: 500 ms (Kafka default)",
                "Consumer group: " + A);
        assertThat(vm.pollersProperty().get()).isEqualTo("1 poller (Kafka consumer)");
        assertThat(vm.toggleLabelProperty().get()).isEqualTo("Disable");
    }

    @Test
    void offersResetOffsetsOnlyWhileDisabled_andSaysWhyNotOtherwise() {
        backend.stored.put(A, mapping(A, "order-fn", "orders", MappingState.ENABLED, "OK"));
        backend.stored.put(B, mapping(B, "pay-fn", "payments", MappingState.DISABLED, "OK"));

        vm.show(A);
        background.runAll();
        boolean enabledCanReset = vm.canResetOffsetsProperty().get();
        String enabledHint = vm.resetOffsetsHintProperty().get();
        vm.show(B);
        background.runAll();

        assertThat(enabledCanReset).isFalse();
        assertThat(enabledHint).isEqualTo("Disable the trigger first: Kafka only moves the offsets of a consumer group "
                + "without members (the trigger is Enabled)");
        assertThat(vm.canResetOffsetsProperty().get()).isTrue();
        assertThat(vm.resetOffsetsHintProperty().get()).startsWith("TriggerLab extra: move consumer group " + B);
    }

    @Test
    void toggle_disablesThroughUpdateEventSourceMapping() {
        backend.stored.put(A, mapping(A, "order-fn", "orders", MappingState.ENABLED, "OK"));
        vm.show(A);
        background.runAll();

        vm.toggleEnabled();
        background.runAll();

        assertThat(backend.updates).singleElement().satisfies(u -> assertThat(u.enabled()).isFalse());
        assertThat(vm.stateProperty().get()).isEqualTo("Disabling");
        assertThat(vm.canToggleProperty().get()).as("AWS refuses changes while Disabling").isFalse();
    }

    @Test
    void aRefusedCommand_showsTheApisMessage() {
        backend.stored.put(A, mapping(A, "order-fn", "orders", MappingState.ENABLED, "OK"));
        vm.show(A);
        background.runAll();
        backend.refuse = new ResourceInUseException("Cannot delete the event source mapping " + A
                + " while it is Updating: try again when it is Enabled or Disabled");

        vm.delete();
        background.runAll();

        assertThat(vm.errorMessageProperty().get()).startsWith("Cannot delete the event source mapping " + A);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void anAnswerForATriggerNoLongerShown_isDropped() {
        backend.stored.put(A, mapping(A, "order-fn", "orders", MappingState.ENABLED, "OK"));
        backend.stored.put(B, mapping(B, "pay-fn", "payments", MappingState.ENABLED, "OK"));

        vm.show(A);
        vm.show(B);
        background.runAll();

        assertThat(vm.titleProperty().get()).isEqualTo("pay-fn");
        vm.onMappingChanged(mapping(A, "order-fn", "orders", MappingState.DISABLED, "OK"));
        assertThat(vm.titleProperty().get()).isEqualTo("pay-fn");
    }

    @Test
    void aChangeThatArrivesWhileLoading_isNotOverwrittenByTheOlderLoad() {
        backend.stored.put(A, mapping(A, "order-fn", "orders", MappingState.CREATING, null));

        vm.show(A);
        vm.onMappingChanged(mapping(A, "order-fn", "orders", MappingState.ENABLED, null));
        background.runAll();

        assertThat(vm.stateProperty().get()).isEqualTo("Enabled");
        assertThat(vm.badgeProperty().get()).isEqualTo(StateBadge.ENABLED);
    }

    private static final class FakeBackend implements TriggerPageBackend {
        final Map<String, EventSourceMapping> stored = new HashMap<>();
        final List<UpdateEventSourceMappingRequest> updates = new ArrayList<>();
        RuntimeException refuse;

        @Override
        public EventSourceMapping get(String uuid) {
            return stored.get(uuid);
        }

        @Override
        public EventSourceMapping update(String uuid, UpdateEventSourceMappingRequest request) {
            updates.add(request);
            EventSourceMapping m = stored.get(uuid).toBuilder().enabled(request.enabled())
                    .state(request.enabled() ? MappingState.ENABLING : MappingState.DISABLING).build();
            stored.put(uuid, m);
            return m;
        }

        @Override
        public EventSourceMapping delete(String uuid) {
            if (refuse != null) {
                throw refuse;
            }
            return stored.get(uuid).toBuilder().state(MappingState.DELETING).build();
        }

        @Override
        public int pollerCount(String uuid) {
            return 1;
        }
    }
}
