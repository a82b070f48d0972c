package io.triggerlab.console.step;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.runtime.step.StepMode;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Step mode of the shown trigger, a TriggerLab extra: when on, each batch waits at the poller until "Deliver next
 * batch" lets exactly one go, so a developer can sit at a breakpoint in the function while the trigger waits. The
 * engine does not announce that a batch has reached the gate, so the view asks {@link #refresh()} while step mode is on.
 */
public final class StepModeViewModel {

    public static final String EXTRA_LABEL = "TriggerLab extra — AWS has no step mode";

    private final StepModeBackend backend;
    private final BackgroundWork work;

    private final ReadOnlyBooleanWrapper enabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper batchWaiting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper deliveriesGranted = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");

    private String shownUuid;
    /** Bumped when another trigger is shown, so answers about the previous one are dropped. */
    private long generation;
    private boolean refreshing;

    public StepModeViewModel(StepModeBackend backend, BackgroundWork work) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** Shows the step mode of this trigger (null: none). The same trigger again only refreshes. */
    public void show(String uuid) {
        if (Objects.equals(uuid, shownUuid)) {
            refresh();
            return;
        }
        shownUuid = uuid;
        generation++;
        refreshing = false;
        busy.set(false);
        errorMessage.set("");
        available.set(uuid != null);
        apply(null);
        refresh();
    }

    /** Reads the gate again (one read at a time; a call while one runs is dropped, the next tick asks again). */
    public void refresh() {
        String uuid = shownUuid;
        if (uuid == null || refreshing) {
            return;
        }
        refreshing = true;
        long asked = generation;
        work.submit("read the step mode", () -> backend.status(uuid), status -> {
            if (asked == generation) {
                refreshing = false;
                apply(status);
            }
        }, message -> {
            if (asked == generation) {
                refreshing = false;
                errorMessage.set(message);
            }
        });
    }

    /** An invocation of some trigger finished: the shown one's gate may hold its next batch now. */
    public void onInvocationOf(String mappingUuid) {
        if (Objects.equals(mappingUuid, shownUuid)) {
            refresh();
        }
    }

    /** Turns step mode on, or off (which lets a waiting batch and every later one go). */
    public void setEnabled(boolean on) {
        String uuid = shownUuid;
        if (uuid != null && on != enabled.get()) {
            change(on ? "turn step mode on" : "turn step mode off", () -> backend.set(uuid, on));
        }
    }

    /** Lets exactly one batch go. */
    public void deliverNextBatch() {
        String uuid = shownUuid;
        if (uuid != null && enabled.get()) {
            change("deliver the next batch", () -> backend.deliverNext(uuid));
        }
    }

    private void change(String what, Callable<StepMode.Status> call) {
        errorMessage.set("");
        busy.set(true);
        long asked = generation;
        work.submit(what, call, status -> {
            if (asked == generation) {
                busy.set(false);
                apply(status);
            }
        }, message -> {
            if (asked == generation) {
                busy.set(false);
                errorMessage.set(message);
            }
        });
    }

    private void apply(StepMode.Status status) {
        boolean on = status != null && status.enabled();
        enabled.set(on);
        batchWaiting.set(on && status.batchWaiting());
        deliveriesGranted.set(on ? status.deliveriesGranted() : 0);
        statusText.set(describe(status));
    }

    static String describe(StepMode.Status status) {
        if (status == null) {
            return "";
        }
        if (!status.enabled()) {
            return "Off: batches go to the function as they come.";
        }
        if (status.deliveriesGranted() > 0) {
            int n = status.deliveriesGranted();
            return (n == 1 ? "1 batch" : n + " batches") + " let go: delivered as soon as the poller has records.";
        }
        return status.batchWaiting()
                ? "A batch is waiting. Deliver next batch sends it to the function; nothing is committed before."
                : "On: the next batch will wait here for Deliver next batch.";
    }

    /** True while the trigger is in step mode. */
    public ReadOnlyBooleanProperty enabledProperty() {
        return enabled.getReadOnlyProperty();
    }

    /** True while a batch is held at the gate. */
    public ReadOnlyBooleanProperty batchWaitingProperty() {
        return batchWaiting.getReadOnlyProperty();
    }

    /** "Deliver next batch" clicks the poller has not used yet. */
    public ReadOnlyIntegerProperty deliveriesGrantedProperty() {
        return deliveriesGranted.getReadOnlyProperty();
    }

    /** True while a trigger is shown. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }
}
