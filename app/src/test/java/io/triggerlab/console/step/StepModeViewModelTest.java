package io.triggerlab.console.step;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.runtime.step.StepGate;
import io.triggerlab.engine.runtime.step.StepMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The step-mode bar over the engine's own {@link StepMode}, with a poller's gate driven by hand. */
class StepModeViewModelTest {

    private static final String UUID = "a1b2c3d4-0000-4000-8000-000000000001";

    private final QueuedExecutor background = new QueuedExecutor();
    private final StepMode engine = new StepMode();
    /** The engine's StepMode behind the port, counting the reads so coalescing shows. */
    private final CountingBackend backend = new CountingBackend(engine);
    private final StepModeViewModel vm = new StepModeViewModel(backend, new BackgroundWork(background, Runnable::run));

    private static final class CountingBackend implements StepModeBackend {
        private final StepMode steps;
        private int reads;

        CountingBackend(StepMode steps) {
            this.steps = steps;
        }

        @Override
        public StepMode.Status status(String mappingUuid) {
            reads++;
            return steps.status(mappingUuid);
        }

        @Override
        public StepMode.Status set(String mappingUuid, boolean enabled) {
            return steps.set(mappingUuid, enabled);
        }

        @Override
        public StepMode.Status deliverNext(String mappingUuid) {
            return steps.deliverNext(mappingUuid);
        }
    }
    private final StepGate poller = engine.gate(UUID);

    @Test
    void eachDeliverNextBatchLetsExactlyOneHeldBatchGo() {
        vm.show(UUID);
        background.runAll();
        assertThat(vm.enabledProperty().get()).isFalse();
        assertThat(vm.statusTextProperty().get()).isEqualTo("Off: batches go to the function as they come.");

        vm.setEnabled(true);
        assertThat(vm.busyProperty().get()).isTrue();
        background.runAll();
        assertThat(vm.enabledProperty().get()).isTrue();
        assertThat(vm.statusTextProperty().get()).isEqualTo("On: the next batch will wait here for Deliver next batch.");

        holdABatch();
        vm.refresh();
        background.runAll();
        assertThat(vm.batchWaitingProperty().get()).isTrue();
        assertThat(vm.statusTextProperty().get()).startsWith("A batch is waiting.");

        vm.deliverNextBatch();
        background.runAll();
        assertThat(vm.deliveriesGrantedProperty().get()).isEqualTo(1);
        assertThat(vm.statusTextProperty().get())
                .isEqualTo("1 batch let go: delivered as soon as the poller has records.");
        assertThat(poller.tryPass()).as("the poller passes once").isTrue();
        poller.waiting(false);
        assertThat(poller.tryPass()).as("and the next batch waits again").isFalse();

        vm.onInvocationOf(UUID);
        background.runAll();
        assertThat(vm.deliveriesGrantedProperty().get()).isZero();
    }

    @Test
    void turningStepModeOffLetsTheWaitingBatchGo() {
        vm.show(UUID);
        background.runAll();
        vm.setEnabled(true);
        background.runAll();
        holdABatch();

        vm.setEnabled(false);
        background.runAll();
        assertThat(vm.enabledProperty().get()).isFalse();
        assertThat(vm.batchWaitingProperty().get()).isFalse();
        assertThat(poller.tryPass()).isTrue();
    }

    @Test
    void deliverNextBatchDoesNothingWhileStepModeIsOff_andTheEnginesRefusalIsShown() {
        vm.show(UUID);
        background.runAll();
        vm.deliverNextBatch();
        assertThat(background.waiting()).isZero();

        // The engine turned step mode off meanwhile (another client): its refusal reaches the bar in plain words.
        vm.setEnabled(true);
        background.runAll();
        engine.set(UUID, false);
        vm.deliverNextBatch();
        background.runAll();
        assertThat(vm.errorMessageProperty().get()).contains("is not in step mode");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void answersAboutAPreviouslyShownTriggerAreDropped() {
        vm.show(UUID);
        background.runAll();
        vm.setEnabled(true);
        vm.show(null);
        background.runAll();
        assertThat(vm.enabledProperty().get()).isFalse();
        assertThat(vm.availableProperty().get()).isFalse();
        assertThat(vm.statusTextProperty().get()).isEmpty();
    }

    @Test
    void invocationsOfOtherTriggersReadNothing() {
        vm.show(UUID);
        background.runAll();
        vm.onInvocationOf("another-uuid");
        assertThat(background.waiting()).isZero();
    }

    @Test
    void aRefreshWhileOneIsUnderway_readsNothingMore() {
        vm.show(UUID);
        vm.refresh();
        vm.refresh();
        background.runAll();
        assertThat(backend.reads).isEqualTo(1);
        vm.refresh();
        background.runAll();
        assertThat(backend.reads).isEqualTo(2);
    }

    /** The poller meets the gate with a batch while no delivery is granted. */
    private void holdABatch() {
        assertThat(poller.tryPass()).isFalse();
        poller.waiting(true);
    }
}
