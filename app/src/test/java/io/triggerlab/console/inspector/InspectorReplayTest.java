package io.triggerlab.console.inspector;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.invocations.FakeHistory;
import io.triggerlab.console.invocations.InvocationRow;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.controlplane.mapping.ResourceNotFoundException;
import io.triggerlab.engine.runtime.replay.ReplayBatchIds;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InspectorReplayTest {

    private static final String MAPPING = "11111111-1111-1111-1111-111111111111";

    private final FakeHistory history = new FakeHistory();
    private final QueuedExecutor background = new QueuedExecutor();
    private final List<Long> replayed = new ArrayList<>();
    private RuntimeException failure;
    private final InspectorViewModel vm = new InspectorViewModel(history, id -> {
        replayed.add(id);
        if (failure != null) {
            throw failure;
        }
        InvocationRecord original = history.get(id).orElseThrow();
        return history.add(MAPPING, ReplayBatchIds.newBatchId(id), 1, InvocationOutcome.SUCCESS, 41,
                new String(original.payload()));
    }, new BackgroundWork(background, Runnable::run), ZoneOffset.UTC);

    private void show(InvocationRecord record) {
        vm.show(InvocationRow.of(record.summary(), ZoneOffset.UTC));
        background.runAll();
    }

    @Test
    void replaysTheShownInvocation_showingProgressAndThenTheNewInvocation() {
        InvocationRecord record = history.add(MAPPING, "batch-1", 1, InvocationOutcome.FUNCTION_ERROR, 41,
                InspectorViewModelTest.EVENT);
        show(record);

        assertThat(vm.replayableProperty().get()).isTrue();
        vm.replay();
        assertThat(vm.replayingProperty().get()).isTrue();
        assertThat(vm.statusMessageProperty().get()).isEqualTo("Replaying invocation #1…");
        background.runAll();

        assertThat(replayed).containsExactly(1L);
        assertThat(vm.replayingProperty().get()).isFalse();
        assertThat(vm.statusMessageProperty().get())
                .isEqualTo("Replayed #1 as #2: Success in 42 ms. No offsets were committed.");
    }

    @Test
    void cannotReplay_whenTheEventWasNotKept_orTheRowSentNoEvent() {
        InvocationRecord noEvent = history.add(MAPPING, "batch-1", 1, InvocationOutcome.SUCCESS, 41, null);
        InvocationRecord toDestination = history.add(MAPPING, "batch-2", 3, InvocationOutcome.SENT_TO_DESTINATION, 42,
                "{\"requestContext\":{}}");

        show(noEvent);
        boolean withoutEvent = vm.replayableProperty().get();
        show(toDestination);
        boolean destinationRow = vm.replayableProperty().get();
        vm.replay();
        background.runAll();

        assertThat(withoutEvent).isFalse();
        assertThat(destinationRow).isFalse();
        assertThat(replayed).isEmpty();
    }

    @Test
    void showsTheEnginesMessage_whenTheReplayIsRefused() {
        InvocationRecord record = history.add(MAPPING, "batch-1", 1, InvocationOutcome.SUCCESS, 41,
                InspectorViewModelTest.EVENT);
        show(record);
        failure = new ResourceNotFoundException("Invocation #1 cannot be replayed: the function fn is no longer registered");

        vm.replay();
        background.runAll();

        assertThat(vm.errorMessageProperty().get())
                .isEqualTo("Invocation #1 cannot be replayed: the function fn is no longer registered");
        assertThat(vm.statusMessageProperty().get()).isEmpty();
        assertThat(vm.replayingProperty().get()).isFalse();
    }

    @Test
    void theInvocationsTableMarksAReplayWithItsOriginal() {
        InvocationRecord replay = history.add(MAPPING, ReplayBatchIds.newBatchId(17), 1, InvocationOutcome.SUCCESS, 41,
                InspectorViewModelTest.EVENT);

        assertThat(InvocationRow.of(replay.summary(), ZoneOffset.UTC).attemptText()).isEqualTo("Replay of #17");
    }
}
