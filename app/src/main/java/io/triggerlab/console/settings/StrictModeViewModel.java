package io.triggerlab.console.settings;

import io.triggerlab.console.common.BackgroundWork;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Settings › AWS compatibility: strict mode, the console's {@code serve --strict-aws}. On, Create and Update refuse
 * every configuration "Would this pass on AWS?" finds AWS would reject, with the error AWS would give; off, those
 * findings stay warnings. A change applies to the running engine at once and is saved for the next start.
 */
public final class StrictModeViewModel {

    private final Supplier<Boolean> engineStrict;
    private final Consumer<Boolean> applyToEngine;
    private final StrictModeStore store;
    private final BackgroundWork work;
    private final BooleanProperty strict = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private boolean loading;

    /**
     * @param engineStrict  whether the running engine is in strict mode
     * @param applyToEngine turns it on or off in the running engine
     */
    public StrictModeViewModel(Supplier<Boolean> engineStrict, Consumer<Boolean> applyToEngine, StrictModeStore store,
                               BackgroundWork work) {
        this.engineStrict = Objects.requireNonNull(engineStrict, "engineStrict");
        this.applyToEngine = Objects.requireNonNull(applyToEngine, "applyToEngine");
        this.store = Objects.requireNonNull(store, "store");
        this.work = Objects.requireNonNull(work, "work");
        strict.addListener((o, was, is) -> {
            if (!loading) {
                apply(is);
            }
        });
    }

    /** Shows what the running engine does now. */
    public void load() {
        work.submit("read strict mode", engineStrict::get, on -> {
            loading = true;
            try {
                strict.set(on);
            } finally {
                loading = false;
            }
            status.set(describe(on));
        }, errorMessage::set);
    }

    private void apply(boolean on) {
        errorMessage.set("");
        work.submit(on ? "turn strict mode on" : "turn strict mode off", () -> {
            applyToEngine.accept(on);
            store.save(on);
            return on;
        }, applied -> status.set(describe(applied)), errorMessage::set);
    }

    static String describe(boolean on) {
        return on ? "Strict: Create and Update refuse what AWS would reject, with AWS's error (as serve --strict-aws)."
                : "Not strict: what AWS would reject is accepted here and shown as a warning in \"Would this pass on AWS?\".";
    }

    /** The check box. */
    public BooleanProperty strictProperty() {
        return strict;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }
}
