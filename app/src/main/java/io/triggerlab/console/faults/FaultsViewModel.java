package io.triggerlab.console.faults;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.invoke.faults.FaultKind;
import io.triggerlab.engine.invoke.faults.FaultPlan;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * "Inject faults" for the selected trigger's function: make its next N invocations fail, be throttled or time out, so
 * retries, bisect, partial failures and destinations can be watched. A TriggerLab extra: AWS has no such switch. The
 * armed plan's remaining count follows the invocations as they arrive ({@link #onInvocation()}).
 */
public final class FaultsViewModel {

    public static final String EXTRA_LABEL = "TriggerLab extra — AWS has no such switch";

    private final FaultSwitch faults;
    private final BackgroundWork work;

    private final ObjectProperty<FaultKind> kind = new SimpleObjectProperty<>(FaultKind.ERROR);
    private final StringProperty count = new SimpleStringProperty("1");
    private final ReadOnlyStringWrapper functionName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper armedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper armed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");

    private String functionArn;
    /** Bumped when another function is shown, so answers about the previous one are dropped. */
    private long generation;
    private boolean refreshing;
    private boolean refreshAgain;

    public FaultsViewModel(FaultSwitch faults, BackgroundWork work) {
        this.faults = Objects.requireNonNull(faults, "faults");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** Shows the faults of the function behind this FunctionArn (null: none). Same ARN again: nothing to do. */
    public void show(String arn) {
        if (Objects.equals(arn, functionArn)) {
            return;
        }
        functionArn = arn;
        generation++;
        refreshing = false;
        refreshAgain = false;
        functionName.set("");
        errorMessage.set("");
        showPlan(Optional.empty());
        if (arn == null) {
            return;
        }
        long asked = generation;
        work.submit("read the armed faults", () -> {
            String name = faults.functionNameOf(arn);
            return new Loaded(name, faults.plan(name));
        }, loaded -> {
            if (asked == generation) {
                functionName.set(loaded.name());
                showPlan(loaded.plan());
            }
        }, failIfCurrent(asked));
    }

    /** Arms the chosen kind for the next {@code count} invocations. */
    public void arm() {
        errorMessage.set("");
        String name = functionName.get();
        if (name.isEmpty()) {
            errorMessage.set("Select a trigger whose function is registered to inject faults into it.");
            return;
        }
        int n;
        try {
            n = parseCount(count.get());
        } catch (IllegalArgumentException e) {
            errorMessage.set(e.getMessage());
            return;
        }
        FaultKind chosen = kind.get();
        change("arm the faults", () -> Optional.of(faults.arm(name, chosen, n)));
    }

    /** Disarms whatever is armed for the function. */
    public void clear() {
        errorMessage.set("");
        String name = functionName.get();
        if (!name.isEmpty()) {
            change("clear the faults", () -> {
                faults.clear(name);
                return Optional.<FaultPlan>empty();
            });
        }
    }

    private void change(String what, Callable<Optional<FaultPlan>> call) {
        long asked = generation;
        busy.set(true);
        work.submit(what, call, plan -> {
            busy.set(false);
            if (asked == generation) {
                showPlan(plan);
            }
        }, message -> {
            busy.set(false);
            failIfCurrent(asked).accept(message);
        });
    }

    /**
     * Invocations arrived (the event bridge coalesces them). While a plan is armed its remaining count is read again;
     * while a read runs, further calls cause one more read, never a queue of them.
     */
    public void onInvocation() {
        if (armed.get()) {
            refresh();
        }
    }

    /** Reads the armed plan again (e.g. when the panel is shown: the CLI or API may have armed one). */
    public void refresh() {
        String name = functionName.get();
        if (name.isEmpty()) {
            return;
        }
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        long asked = generation;
        work.submit("read the armed faults", () -> faults.plan(name), plan -> {
            if (asked != generation) {
                return;
            }
            refreshing = false;
            showPlan(plan);
            if (refreshAgain) {
                refreshAgain = false;
                refresh();
            }
        }, message -> {
            refreshing = false;
            failIfCurrent(asked).accept(message);
        });
    }

    private Consumer<String> failIfCurrent(long asked) {
        return message -> {
            if (asked == generation) {
                errorMessage.set(message);
            }
        };
    }

    private void showPlan(Optional<FaultPlan> plan) {
        armed.set(plan.isPresent());
        String name = functionName.get();
        armedText.set(plan.map(FaultsViewModel::describe)
                .orElse(name.isEmpty() ? "" : "Nothing armed: " + name + " runs normally."));
    }

    /** "Armed: the next 2 invocations of orders-fn will fail with a function error (1 of 3 used)." */
    static String describe(FaultPlan plan) {
        int used = plan.requested() - plan.remaining();
        return "Armed: the next " + (plan.remaining() == 1 ? "invocation" : plan.remaining() + " invocations") + " of "
                + plan.functionName() + " will " + effect(plan.kind())
                + (used == 0 ? "." : " (" + used + " of " + plan.requested() + " used).");
    }

    /** What an armed kind makes an invocation do, in words. */
    static String effect(FaultKind kind) {
        return switch (kind) {
            case ERROR -> "fail with a function error";
            case THROTTLE -> "be throttled (429 TooManyRequestsException)";
            case TIMEOUT -> "time out";
        };
    }

    /** The choice's label: "Fail (function error)", "Throttle (429)", "Time out". */
    public static String label(FaultKind kind) {
        return switch (kind) {
            case ERROR -> "Fail (function error)";
            case THROTTLE -> "Throttle (429)";
            case TIMEOUT -> "Time out";
        };
    }

    static int parseCount(String text) {
        String trimmed = text == null ? "" : text.strip();
        try {
            int n = Integer.parseInt(trimmed);
            if (n < 1 || n > FaultPlan.MAX_COUNT) {
                throw new IllegalArgumentException("Count " + n + " is out of range: must be 1.." + FaultPlan.MAX_COUNT);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Count '" + trimmed + "' is not a whole number: give how many of the "
                    + "next invocations should fail (1.." + FaultPlan.MAX_COUNT + ")");
        }
    }

    private record Loaded(String name, Optional<FaultPlan> plan) {
    }

    public ObjectProperty<FaultKind> kindProperty() {
        return kind;
    }

    public StringProperty countProperty() {
        return count;
    }

    public ReadOnlyStringProperty functionNameProperty() {
        return functionName.getReadOnlyProperty();
    }

    /** What is armed now, with the remaining count; or "Nothing armed". */
    public ReadOnlyStringProperty armedTextProperty() {
        return armedText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty armedProperty() {
        return armed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }
}
