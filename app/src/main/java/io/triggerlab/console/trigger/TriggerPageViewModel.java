package io.triggerlab.console.trigger;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.triggers.StateBadge;
import io.triggerlab.console.triggers.TriggerRow;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * One trigger's page: its status (State, StateTransitionReason, LastProcessingResult with an explanation for every
 * PROBLEM), its configuration, and the commands enable/disable and delete. Edit opens the wizard (the shell does that
 * with {@link #mappingProperty()}).
 */
public final class TriggerPageViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final TriggerPageBackend backend;
    private final BackgroundWork work;
    private final ZoneId zone;

    private final ReadOnlyObjectWrapper<EventSourceMapping> mapping = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StateBadge> badge = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stateTransitionReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reasonExplanation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastProcessingResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ResultSeverity> severity = new ReadOnlyObjectWrapper<>(ResultSeverity.NEUTRAL);
    private final ReadOnlyStringWrapper problemTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problemDetails = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper configuration = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pollers = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper toggleLabel = new ReadOnlyStringWrapper("Disable");
    private final ReadOnlyBooleanWrapper canToggle = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canEdit = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canResetOffsets = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper resetOffsetsHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    /** The UUID asked for last; answers about any other trigger arrive too late and are dropped. */
    private String shownUuid;
    /** Engine events applied to the shown trigger; a load that started before one of them answers with older news. */
    private long changesApplied;

    public TriggerPageViewModel(TriggerPageBackend backend, BackgroundWork work, ZoneId zone) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.work = Objects.requireNonNull(work, "work");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Loads the trigger with this UUID (null clears the page). */
    public void show(String uuid) {
        errorMessage.set("");
        shownUuid = uuid;
        if (uuid == null) {
            busy.set(false);
            apply(null);
            return;
        }
        busy.set(true);
        long changesBefore = changesApplied;
        work.submit("load the trigger", () -> backend.get(uuid), loaded -> {
            if (uuid.equals(shownUuid)) {
                busy.set(false);
                // An event that arrived while loading (Creating -> Enabled, say) is newer than what the load read.
                if (changesApplied == changesBefore) {
                    apply(loaded);
                }
                refreshPollers();
            }
        }, this::fail);
    }

    /** A newer version of a mapping from an engine event; ignored unless it is the one shown. */
    public void onMappingChanged(EventSourceMapping changed) {
        if (changed.uuid().equals(shownUuid)) {
            changesApplied++;
            apply(changed);
            refreshPollers();
        }
    }

    /** Enables a disabled trigger or disables an enabled one (UpdateEventSourceMapping with Enabled). */
    public void toggleEnabled() {
        EventSourceMapping shown = mapping.get();
        if (shown == null || !canToggle.get()) {
            return;
        }
        boolean enable = !shown.enabled();
        busy.set(true);
        work.submit(enable ? "enable the trigger" : "disable the trigger",
                () -> backend.update(shown.uuid(), UpdateEventSourceMappingRequest.builder().enabled(enable).build()),
                updated -> {
                    busy.set(false);
                    applyIfShown(updated);
                }, this::fail);
    }

    /** Deletes the trigger shown (the view asks for confirmation first). */
    public void delete() {
        EventSourceMapping shown = mapping.get();
        if (shown == null) {
            return;
        }
        busy.set(true);
        work.submit("delete the trigger", () -> backend.delete(shown.uuid()), deleting -> {
            busy.set(false);
            applyIfShown(deleting);
        }, this::fail);
    }

    /** An answer about a trigger that is still the one shown (the person may have selected another meanwhile). */
    private void applyIfShown(EventSourceMapping m) {
        if (m.uuid().equals(shownUuid)) {
            apply(m);
        }
    }

    private void refreshPollers() {
        EventSourceMapping shown = mapping.get();
        if (shown == null) {
            return;
        }
        work.submit("count the pollers", () -> backend.pollerCount(shown.uuid()), count -> {
            if (mapping.get() != null && mapping.get().uuid().equals(shown.uuid())) {
                pollers.set(count == 1 ? "1 poller (Kafka consumer)" : count + " pollers (Kafka consumers)");
            }
        }, message -> pollers.set(""));
    }

    private void fail(String message) {
        busy.set(false);
        errorMessage.set(message);
    }

    private void apply(EventSourceMapping m) {
        mapping.set(m);
        if (m == null) {
            title.set("");
            subtitle.set("");
            badge.set(null);
            state.set("");
            stateTransitionReason.set("");
            reasonExplanation.set("");
            lastProcessingResult.set("");
            severity.set(ResultSeverity.NEUTRAL);
            showProblem(Optional.empty());
            configuration.set("");
            pollers.set("");
            canToggle.set(false);
            canEdit.set(false);
            canResetOffsets.set(false);
            resetOffsetsHint.set("");
            return;
        }
        title.set(TriggerRow.functionNameOf(m.functionArn()));
        subtitle.set("Kafka topic " + m.topic() + " on " + (m.isMsk() ? "MSK cluster " : "self-managed Kafka ")
                + TriggerRow.sourceOf(m));
        badge.set(StateBadge.of(m));
        state.set(m.state().awsName());
        stateTransitionReason.set(m.stateTransitionReason() == null ? "" : m.stateTransitionReason());
        reasonExplanation.set(ProblemExplanations.explainReason(m.stateTransitionReason()));
        lastProcessingResult.set(m.lastProcessingResult() == null ? "" : m.lastProcessingResult());
        severity.set(ResultSeverity.of(m.lastProcessingResult()));
        showProblem(ProblemExplanations.explain(m.lastProcessingResult()));
        configuration.set(describeConfiguration(m));
        boolean settled = m.state() == MappingState.ENABLED || m.state() == MappingState.DISABLED;
        canToggle.set(settled);
        canEdit.set(settled);
        toggleLabel.set(m.enabled() ? "Disable" : "Enable");
        canResetOffsets.set(m.state() == MappingState.DISABLED);
        resetOffsetsHint.set(m.state() == MappingState.DISABLED
                ? "TriggerLab extra: move consumer group " + m.consumerGroupId() + " to the earliest or latest offsets, "
                + "or to a time"
                : "Disable the trigger first: Kafka only moves the offsets of a consumer group without members (the "
                + "trigger is " + m.state().awsName() + ")");
    }

    private void showProblem(Optional<ProblemExplanation> explanation) {
        problem.set(explanation.isPresent());
        problemTitle.set(explanation.map(ProblemExplanation::title).orElse(""));
        problemDetails.set(explanation.map(ProblemExplanation::asText).orElse(""));
    }

    private String describeConfiguration(EventSourceMapping m) {
        StringBuilder text = new StringBuilder();
        line(text, "Function", m.functionArn());
        line(text, m.isMsk() ? "Event source" : "Bootstrap servers", m.eventSourceKey());
        line(text, "Topic", m.topic());
        line(text, "Batch size", String.valueOf(m.batchSize()));
        line(text, "Batch window", m.maximumBatchingWindowInSeconds() == null ? "500 ms (Kafka default)"
                : m.maximumBatchingWindowInSeconds() + " s");
        String position = m.startingPosition().name();
        if (m.startingPositionTimestamp() != null) {
            position += " " + TIME.format(m.startingPositionTimestamp().atZone(zone));
        }
        line(text, "Starting position", position);
        line(text, "Consumer group", m.consumerGroupId());
        line(text, "Authentication", m.sourceAccessConfigurations().isEmpty() ? "None"
                : m.sourceAccessConfigurations().get(0).type());
        line(text, "Retries", m.maximumRetryAttempts() == EventSourceMapping.INFINITE ? "until the records expire (-1)"
                : String.valueOf(m.maximumRetryAttempts()));
        line(text, "UUID", m.uuid());
        line(text, "Last modified", TIME.format(m.lastModified().atZone(zone)));
        return text.toString().stripTrailing();
    }

    private static void line(StringBuilder text, String name, String value) {
        text.append(name).append(": ").append(value).append('\n');
    }

    /** The mapping shown, or null; the shell opens the wizard in edit mode with it. */
    public ReadOnlyObjectProperty<EventSourceMapping> mappingProperty() {
        return mapping.getReadOnlyProperty();
    }

    /** The function's name. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "Kafka topic orders on MSK cluster triggerlab-sandbox". */
    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StateBadge> badgeProperty() {
        return badge.getReadOnlyProperty();
    }

    /** {@code State} as AWS spells it. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTransitionReasonProperty() {
        return stateTransitionReason.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasonExplanationProperty() {
        return reasonExplanation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastProcessingResultProperty() {
        return lastProcessingResult.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ResultSeverity> severityProperty() {
        return severity.getReadOnlyProperty();
    }

    /** True while the last processing result is a PROBLEM with an explanation to show. */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemTitleProperty() {
        return problemTitle.getReadOnlyProperty();
    }

    /** Causes and fixes, as bullet text. */
    public ReadOnlyStringProperty problemDetailsProperty() {
        return problemDetails.getReadOnlyProperty();
    }

    /** "Name: value" lines of the trigger's configuration. */
    public ReadOnlyStringProperty configurationProperty() {
        return configuration.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pollersProperty() {
        return pollers.getReadOnlyProperty();
    }

    /** "Enable" or "Disable". */
    public ReadOnlyStringProperty toggleLabelProperty() {
        return toggleLabel.getReadOnlyProperty();
    }

    /** True when the trigger is Enabled or Disabled (AWS refuses changes while Creating, Updating or Deleting). */
    public ReadOnlyBooleanProperty canToggleProperty() {
        return canToggle.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canEditProperty() {
        return canEdit.getReadOnlyProperty();
    }

    /** True only while the trigger is Disabled: Kafka refuses to move a group that has members. */
    public ReadOnlyBooleanProperty canResetOffsetsProperty() {
        return canResetOffsets.getReadOnlyProperty();
    }

    /** The reset action's tooltip: what it does, or why it is not available now. */
    public ReadOnlyStringProperty resetOffsetsHintProperty() {
        return resetOffsetsHint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last command failed (the API's message), or empty. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }
}
