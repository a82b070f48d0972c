package io.triggerlab.console.sam;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.controlplane.sam.ClusterChoice;
import io.triggerlab.engine.controlplane.sam.ClusterQuestion;
import io.triggerlab.engine.controlplane.sam.ImportPlan;
import io.triggerlab.engine.controlplane.sam.ImportProblem;
import io.triggerlab.engine.controlplane.sam.ImportResult;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * File › Open SAM template…: reads the template, asks which registered cluster stands for each MSK cluster the
 * template names when that is not clear, imports, and lists what was imported and what could not be mapped.
 */
public final class SamImportViewModel {

    private final SamImportBackend backend;
    private final BackgroundWork work;
    private final ObservableList<ClusterQuestion> questions = FXCollections.observableArrayList();
    private final ObservableList<String> imported = FXCollections.observableArrayList();
    private final ObservableList<String> notImported = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty done = new SimpleBooleanProperty();
    private ImportPlan plan;

    public SamImportViewModel(SamImportBackend backend, BackgroundWork work) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** Reads the template; imports at once unless a cluster must be chosen (then {@link #questions()} fills). */
    public void open(Path template) {
        reset();
        busy.set(true);
        work.submit("read the template " + template.getFileName(), () -> {
            ImportPlan read = backend.plan(template, Map.of());
            return new Opened(read, backend.questions(read, ClusterChoice.NONE));
        }, opened -> {
            plan = opened.plan();
            if (opened.questions().stream().anyMatch(q -> q.candidates().isEmpty())) {
                fail("The template names the MSK cluster " + opened.questions().get(0).templateArn() + ", and no "
                        + "cluster is registered to stand for it: start the engine with its sandbox, or register the "
                        + "cluster in Settings › Clusters");
            } else if (opened.questions().isEmpty()) {
                apply(ClusterChoice.NONE);
            } else {
                busy.set(false);
                questions.setAll(opened.questions());
            }
        }, this::fail);
    }

    /** The user's answers: template cluster ARN → registered cluster name. */
    public void answer(Map<String, String> clusterPerTemplateArn) {
        questions.clear();
        apply(new ClusterChoice(null, clusterPerTemplateArn));
    }

    /** The user would not choose a cluster: nothing is imported. */
    public void cancel() {
        questions.clear();
        plan = null;
    }

    private void apply(ClusterChoice choice) {
        ImportPlan toApply = plan;
        busy.set(true);
        work.submit("import " + toApply.template().getFileName(), () -> backend.apply(toApply, choice), result -> {
            busy.set(false);
            imported.setAll(result.actions().stream().map(SamImportViewModel::describe).toList());
            notImported.setAll(result.problems().stream().map(ImportProblem::toString).toList());
            result.skipped().forEach(s -> notImported.add("Skipped " + s));
            done.set(true);
        }, this::fail);
    }

    private void fail(String message) {
        busy.set(false);
        error.set(message);
    }

    private void reset() {
        questions.clear();
        imported.clear();
        notImported.clear();
        error.set(null);
        done.set(false);
    }

    /** {@code Created function OrdersFunction: python3.12 app.handler in /…/src} */
    static String describe(ImportResult.Action a) {
        String outcome = a.outcome().name().charAt(0) + a.outcome().name().substring(1).toLowerCase(Locale.ROOT);
        return a.kind() == ImportResult.Kind.FUNCTION
                ? outcome + " function " + a.name() + ": " + a.detail()
                : outcome + " trigger " + a.resource() + ": " + a.detail();
    }

    /** Clusters to choose before the import can go on; empty otherwise. */
    public ObservableList<ClusterQuestion> questions() {
        return questions;
    }

    /** What was created, updated or found unchanged. */
    public ObservableList<String> imported() {
        return imported;
    }

    /** What could not be mapped, with resource and line, and what a false Condition left out. */
    public ObservableList<String> notImported() {
        return notImported;
    }

    /** Why the template could not be read or imported at all (e.g. not valid YAML, with the line), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** True once an import has been applied and the lists are filled. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done;
    }

    private record Opened(ImportPlan plan, List<ClusterQuestion> questions) {
    }
}
