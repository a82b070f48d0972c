package io.triggerlab.console.settings;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.FunctionTarget;
import io.triggerlab.engine.invoke.function.JavaHandlerTarget;
import io.triggerlab.engine.invoke.function.LambdaInvokeTarget;
import io.triggerlab.engine.invoke.function.RuntimeTarget;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Objects;

/** Settings › Functions: the registered functions, and the commands to add, edit and remove them. */
public final class FunctionsViewModel {

    private final FunctionStore store;
    private final BackgroundWork work;
    private final ObservableList<FunctionRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<FunctionRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");

    public FunctionsViewModel(FunctionStore store, BackgroundWork work) {
        this.store = Objects.requireNonNull(store, "store");
        this.work = Objects.requireNonNull(work, "work");
    }

    public void reload() {
        work.submit("list the functions", store::list, list -> {
            errorMessage.set("");
            rows.setAll(list.stream().map(FunctionRow::of).toList());
        }, errorMessage::set);
    }

    /** A new editor; with {@code function} set it edits that one. */
    public FunctionEditorViewModel editor(FunctionDefinition function) {
        FunctionEditorViewModel editor = new FunctionEditorViewModel(store, work);
        if (function != null) {
            editor.edit(function);
        }
        return editor;
    }

    /** Removes the selected function (the view asks first). Triggers that name it stop finding it. */
    public void removeSelected() {
        FunctionRow row = selected.get();
        if (row == null) {
            return;
        }
        work.submit("remove the function", () -> store.remove(row.name()), removed -> reload(), errorMessage::set);
    }

    public ObservableList<FunctionRow> rows() {
        return rows;
    }

    public ObjectProperty<FunctionRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** One registered function as the table shows it. */
    public record FunctionRow(String name, String kind, String target, String timeout, String warning,
                              FunctionDefinition definition) {

        static FunctionRow of(FunctionDefinition f) {
            return new FunctionRow(f.name(), f.target().kind(), describe(f.target()), f.timeout().toSeconds() + " s",
                    f.exceedsKafkaTriggerTimeout() ? "over the 14-minute Kafka limit" : "", f);
        }

        private static String describe(FunctionTarget target) {
            if (target instanceof CommandTarget) {
                return CommandLine.join(((CommandTarget) target).command());
            }
            if (target instanceof JavaHandlerTarget) {
                return ((JavaHandlerTarget) target).handler();
            }
            if (target instanceof RuntimeTarget r) {
                return r.runtime() + " · " + r.handler() + " · " + r.code();
            }
            LambdaInvokeTarget l = (LambdaInvokeTarget) target;
            return (l.endpoint() == null ? "AWS " + l.region() : l.endpoint().toString()) + " · " + l.functionName();
        }
    }
}
