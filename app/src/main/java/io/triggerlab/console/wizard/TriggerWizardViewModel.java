package io.triggerlab.console.wizard;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.triggers.TriggerRow;
import io.triggerlab.engine.client.EngineClient;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.cluster.TopicInfo;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.InvalidParameterValueException;
import io.triggerlab.engine.controlplane.mapping.MappingValidator;
import io.triggerlab.engine.controlplane.mapping.StartingPosition;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The "Add trigger" wizard, step for step as the Lambda console's MSK trigger form. Each step is validated live with
 * the engine's own {@link MappingValidator}, so the messages are the API's; Create sends the request to the engine
 * and shows its answer the same way. In edit mode the create-only fields are locked and Save sends an update.
 */
public final class TriggerWizardViewModel {

    /** Shown under the authentication choice until the auth work brings secrets. */
    public static final String AUTHENTICATION_NOTE = "Only \"None\" (an unauthenticated PLAINTEXT listener, like the "
            + "sandbox broker) for now. SASL/SCRAM, mTLS and IAM with their secrets arrive with the authentication work.";

    private final WizardBackend backend;
    private final MappingValidator validator;
    private final BackgroundWork work;
    private final ZoneId zone;

    private final ReadOnlyObjectWrapper<WizardStep> step = new ReadOnlyObjectWrapper<>(WizardStep.TRIGGER_TYPE);
    private final ObjectProperty<TriggerType> type = new SimpleObjectProperty<>(TriggerType.MSK);
    private final ObservableList<ClusterChoice> clusters = FXCollections.observableArrayList();
    private final ObjectProperty<ClusterChoice> cluster = new SimpleObjectProperty<>();
    private final StringProperty bootstrapServers = new SimpleStringProperty("");
    private final StringProperty batchSize = new SimpleStringProperty(String.valueOf(EventSourceMapping.DEFAULT_BATCH_SIZE));
    private final StringProperty batchingWindow = new SimpleStringProperty("");
    private final StringProperty topic = new SimpleStringProperty("");
    private final ObservableList<String> topicSuggestions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper topicNote = new ReadOnlyStringWrapper("");
    private final StringProperty consumerGroupId = new SimpleStringProperty("");
    private final ObjectProperty<StartingPosition> startingPosition = new SimpleObjectProperty<>(StartingPosition.LATEST);
    private final StringProperty startingTimestamp = new SimpleStringProperty("");
    private final ObservableList<String> functions = FXCollections.observableArrayList();
    private final StringProperty functionName = new SimpleStringProperty("");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);

    private final ReadOnlyStringWrapper stepError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper submitError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<EventSourceMapping> saved = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Add trigger");
    private List<TopicInfo> knownTopics = List.of();
    private EventSourceMapping original;

    public TriggerWizardViewModel(WizardBackend backend, MappingValidator validator, BackgroundWork work, ZoneId zone) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.work = Objects.requireNonNull(work, "work");
        this.zone = Objects.requireNonNull(zone, "zone");
        Observable[] fields = {step, type, cluster, bootstrapServers, batchSize, batchingWindow, topic, consumerGroupId,
                startingPosition, startingTimestamp, functionName, enabled};
        for (Observable field : fields) {
            field.addListener(o -> revalidate());
        }
        topic.addListener(o -> describeTopic());
    }

    /** Loads the clusters, functions and topics to choose from. Call once when the wizard opens. */
    public void load() {
        busy.set(true);
        work.submit("load the clusters and functions", () -> new Choices(backend.clusters(), backend.functions(),
                backend.clusterInUseBootstrap()), this::showChoices, message -> {
            busy.set(false);
            submitError.set(message);
        });
        loadTopics();
    }

    /** Lists the cluster's topics again for the suggestions. */
    public void loadTopics() {
        topicNote.set("Listing the cluster's topics…");
        work.submit("list the topics", backend::topics, topics -> {
            knownTopics = topics;
            topicSuggestions.setAll(topics.stream().map(TopicInfo::name).toList());
            describeTopic();
        }, message -> topicNote.set(message + " You can still type the topic name."));
    }

    /** Opens the wizard on an existing trigger: its values filled in, the create-only fields locked. */
    public void edit(EventSourceMapping mapping) {
        original = Objects.requireNonNull(mapping, "mapping");
        editing.set(true);
        title.set("Edit trigger");
        type.set(mapping.isMsk() ? TriggerType.MSK : TriggerType.SELF_MANAGED);
        if (mapping.isMsk()) {
            cluster.set(new ClusterChoice(mapping.eventSourceArn(), TriggerRow.sourceOf(mapping)));
        } else {
            bootstrapServers.set(String.join(",", mapping.selfManagedEventSource().bootstrapServers()));
        }
        batchSize.set(String.valueOf(mapping.batchSize()));
        batchingWindow.set(mapping.maximumBatchingWindowInSeconds() == null ? ""
                : String.valueOf(mapping.maximumBatchingWindowInSeconds()));
        topic.set(mapping.topic());
        consumerGroupId.set(mapping.kafkaEventSourceConfig() == null
                || mapping.kafkaEventSourceConfig().consumerGroupId() == null ? ""
                : mapping.kafkaEventSourceConfig().consumerGroupId());
        startingPosition.set(mapping.startingPosition());
        startingTimestamp.set(mapping.startingPositionTimestamp() == null ? "" : mapping.startingPositionTimestamp().toString());
        functionName.set(TriggerRow.functionNameOf(mapping.functionArn()));
        enabled.set(mapping.enabled());
        step.set(WizardStep.BATCH_SIZE);
    }

    private void showChoices(Choices choices) {
        busy.set(false);
        List<ClusterChoice> sorted = choices.clusters().stream()
                .sorted(Comparator.comparing((KafkaCluster c) -> !EngineClient.SANDBOX_CLUSTER_NAME.equals(c.clusterName()))
                        .thenComparing(KafkaCluster::clusterName))
                .map(ClusterChoice::of).toList();
        clusters.setAll(sorted);
        if (cluster.get() == null && !sorted.isEmpty()) {
            cluster.set(sorted.get(0));
        } else if (cluster.get() != null) {
            sorted.stream().filter(c -> c.clusterArn().equals(cluster.get().clusterArn())).findFirst().ifPresent(cluster::set);
        }
        if (bootstrapServers.get().isBlank() && choices.bootstrap() != null) {
            bootstrapServers.set(choices.bootstrap());
        }
        functions.setAll(choices.functions().stream().map(FunctionDefinition::name).toList());
        if (functionName.get().isBlank() && functions.size() == 1) {
            functionName.set(functions.get(0));
        }
    }

    /** A function was registered inline: list it and choose it. */
    public void functionRegistered(String name) {
        if (!functions.contains(name)) {
            functions.add(name);
            functions.sort(Comparator.naturalOrder());
        }
        functionName.set(name);
    }

    public void next() {
        if (canGoNext()) {
            step.set(step.get().next());
        }
    }

    public void back() {
        step.set(step.get().previous());
    }

    /** Jumps to a step from the step list; forward only as far as the steps before it are valid. */
    public void goTo(WizardStep target) {
        while (step.get().ordinal() < target.ordinal() && canGoNext()) {
            step.set(step.get().next());
        }
        if (target.ordinal() < step.get().ordinal()) {
            step.set(target);
        }
    }

    public boolean canGoNext() {
        return !step.get().isLast() && stepError.get().isEmpty();
    }

    /** Creates the trigger (or saves the edit) through the engine; {@link #savedProperty()} gets the result. */
    public void submit() {
        submitError.set("");
        if (busy.get()) {
            return;
        }
        TriggerForm form = form();
        busy.set(true);
        if (editing.get()) {
            work.submit("save the trigger", () -> backend.update(original.uuid(), form.toUpdateRequest(original)),
                    this::done, this::submitFailed);
        } else {
            work.submit("create the trigger", () -> backend.create(form.toCreateRequest()), this::done, this::submitFailed);
        }
    }

    private void done(EventSourceMapping mapping) {
        busy.set(false);
        saved.set(mapping);
    }

    private void submitFailed(String message) {
        busy.set(false);
        WizardStep about = WizardStep.ofMessage(message);
        if (about != null) {
            step.set(about);
        }
        // After moving to the step: a step change revalidates, which clears the previous answer.
        submitError.set(message);
    }

    private TriggerForm form() {
        return new TriggerForm(type.get(), cluster.get() == null ? null : cluster.get().clusterArn(),
                bootstrapServers.get(), batchSize.get(), batchingWindow.get(), topic.get(), consumerGroupId.get(),
                startingPosition.get(), startingTimestamp.get(), functionName.get(), enabled.get(), zone);
    }

    /** Validates what the person has been asked so far, with the API's rules and messages. */
    private void revalidate() {
        submitError.set("");
        stepError.set(validationMessage());
    }

    private String validationMessage() {
        WizardStep current = step.get();
        try {
            if (editing.get()) {
                validator.validateUpdate(form().toUpdateRequest(original), original);
            } else {
                validator.validateCreate(form().toCreateRequest(current));
            }
            return "";
        } catch (TriggerForm.FieldException e) {
            return editing.get() || e.step().ordinal() <= current.ordinal() ? e.getMessage() : "";
        } catch (InvalidParameterValueException e) {
            // When editing, every field is already filled in, so every message counts.
            WizardStep about = WizardStep.ofMessage(e.getMessage());
            return editing.get() || about == null || about.ordinal() <= current.ordinal() ? e.getMessage() : "";
        }
    }

    private void describeTopic() {
        String name = topic.get() == null ? "" : topic.get().strip();
        if (name.isEmpty()) {
            topicNote.set(knownTopics.isEmpty() ? "" : knownTopics.size() + " topics on the cluster in use.");
            return;
        }
        topicNote.set(knownTopics.stream().filter(t -> t.name().equals(name)).findFirst()
                .map(t -> "Topic " + name + " has " + t.partitions() + (t.partitions() == 1 ? " partition." : " partitions."))
                .orElse("Topic " + name + " is not on the cluster in use yet: the sandbox creates it on first use."));
    }

    private record Choices(List<KafkaCluster> clusters, List<FunctionDefinition> functions, String bootstrap) {
    }

    public ReadOnlyObjectProperty<WizardStep> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ObjectProperty<TriggerType> typeProperty() {
        return type;
    }

    public ObservableList<ClusterChoice> clusters() {
        return clusters;
    }

    public ObjectProperty<ClusterChoice> clusterProperty() {
        return cluster;
    }

    public StringProperty bootstrapServersProperty() {
        return bootstrapServers;
    }

    public StringProperty batchSizeProperty() {
        return batchSize;
    }

    /** Whole seconds 0..300; empty keeps Kafka's 500 ms default. */
    public StringProperty batchingWindowProperty() {
        return batchingWindow;
    }

    public StringProperty topicProperty() {
        return topic;
    }

    public ObservableList<String> topicSuggestions() {
        return topicSuggestions;
    }

    /** What is known about the typed topic: its partitions, or that it does not exist yet. */
    public ReadOnlyStringProperty topicNoteProperty() {
        return topicNote.getReadOnlyProperty();
    }

    public StringProperty consumerGroupIdProperty() {
        return consumerGroupId;
    }

    public ObjectProperty<StartingPosition> startingPositionProperty() {
        return startingPosition;
    }

    public StringProperty startingTimestampProperty() {
        return startingTimestamp;
    }

    public ObservableList<String> functions() {
        return functions;
    }

    public StringProperty functionNameProperty() {
        return functionName;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** The API's message about the current (or an earlier) step, or empty when it is valid. */
    public ReadOnlyStringProperty stepErrorProperty() {
        return stepError.getReadOnlyProperty();
    }

    /** The engine's answer to Create/Save when it refused, or empty. */
    public ReadOnlyStringProperty submitErrorProperty() {
        return submitError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True when editing an existing trigger: the create-only fields are locked. */
    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** The created or updated mapping, once the engine accepted it. */
    public ReadOnlyObjectProperty<EventSourceMapping> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** "Add trigger" or "Edit trigger". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }
}
