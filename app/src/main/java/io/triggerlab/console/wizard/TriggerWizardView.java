package io.triggerlab.console.wizard;

import io.triggerlab.engine.controlplane.mapping.StartingPosition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The wizard's window content: the steps on the left, one page per step, and Back / Next / Create at the bottom.
 * Only builds nodes and binds them to {@link TriggerWizardViewModel}.
 */
public final class TriggerWizardView {

    private final TriggerWizardViewModel viewModel;
    private final Function<Node, Optional<String>> registerFunction;
    private final Function<Node, Optional<String>> createSecret;
    private final Runnable close;
    private final Map<WizardStep, Node> pages = new EnumMap<>(WizardStep.class);
    private final BorderPane root = new BorderPane();

    /**
     * @param registerFunction opens the function editor over the given owner; the new function's name, if registered
     * @param createSecret     opens the secret editor over the given owner; the new secret's ARN, if saved
     * @param close            closes the wizard's window
     */
    public TriggerWizardView(TriggerWizardViewModel viewModel, Function<Node, Optional<String>> registerFunction,
                             Function<Node, Optional<String>> createSecret, Runnable close) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.registerFunction = Objects.requireNonNull(registerFunction, "registerFunction");
        this.createSecret = Objects.requireNonNull(createSecret, "createSecret");
        this.close = Objects.requireNonNull(close, "close");
        root.setId("trigger-wizard");
        root.getStyleClass().add("wizard");
        root.setLeft(stepList());
        root.setCenter(pageArea());
        root.setBottom(buttons());
        // Enter advances (Create on the last step), as in the Lambda console; a multi-line field keeps its Enter.
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShiftDown() && !(e.getTarget() instanceof TextArea)
                    && !(e.getTarget() instanceof Button) && !viewModel.busyProperty().get()) {
                e.consume();
                viewModel.advance();
            }
        });
    }

    public Parent root() {
        return root;
    }

    private Node stepList() {
        ListView<WizardStep> steps = new ListView<>();
        steps.setId("wizard-steps");
        steps.getStyleClass().add("wizard-steps");
        steps.getItems().setAll(WizardStep.values());
        steps.setCellFactory(ignored -> new ListCell<>() {
            @Override
            protected void updateItem(WizardStep step, boolean empty) {
                super.updateItem(step, empty);
                setText(empty || step == null ? null : (step.ordinal() + 1) + ". " + step.title());
            }
        });
        steps.getSelectionModel().select(viewModel.stepProperty().get());
        viewModel.stepProperty().addListener((o, was, is) -> steps.getSelectionModel().select(is));
        steps.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null && is != viewModel.stepProperty().get()) {
                viewModel.goTo(is);
                steps.getSelectionModel().select(viewModel.stepProperty().get());
            }
        });
        return steps;
    }

    private Node pageArea() {
        pages.put(WizardStep.TRIGGER_TYPE, typePage());
        pages.put(WizardStep.CLUSTER, clusterPage());
        pages.put(WizardStep.BATCH_SIZE, page(WizardStep.BATCH_SIZE, textField("wizard-batch-size",
                viewModel.batchSizeProperty(), "100", false), hint("1..10000 records per invocation. Default 100.")));
        pages.put(WizardStep.BATCH_WINDOW, page(WizardStep.BATCH_WINDOW, textField("wizard-batch-window",
                viewModel.batchingWindowProperty(), "500 ms (Kafka default)", false),
                hint("0..300 whole seconds. Empty keeps Kafka's 500 ms default; once you set seconds, the 500 ms "
                        + "default cannot come back (AWS's rule).")));
        pages.put(WizardStep.TOPIC, topicPage());
        pages.put(WizardStep.STARTING_POSITION, positionPage());
        pages.put(WizardStep.AUTHENTICATION, page(WizardStep.AUTHENTICATION, AuthPage.content(viewModel, createSecret)));
        pages.put(WizardStep.FUNCTION, functionPage());
        pages.put(WizardStep.ADDITIONAL, page(WizardStep.ADDITIONAL, scrolled(AdditionalSettingsPage.content(viewModel))));
        pages.put(WizardStep.ENABLE, enablePage());
        pages.put(WizardStep.REVIEW, page(WizardStep.REVIEW, ReviewPage.content(viewModel)));
        StackPane stack = new StackPane();
        stack.getStyleClass().add("wizard-pages");
        pages.forEach((step, page) -> {
            BooleanBinding current = viewModel.stepProperty().isEqualTo(step);
            page.visibleProperty().bind(current);
            stack.getChildren().add(page);
        });
        return stack;
    }

    private VBox page(WizardStep step, Node... content) {
        Label title = new Label(step.title());
        title.getStyleClass().add("page-title");
        Label description = new Label(step.description());
        description.getStyleClass().add("hint");
        description.setWrapText(true);
        VBox page = new VBox(10, title, description);
        page.getChildren().addAll(content);
        Label error = new Label();
        error.setId("wizard-step-error-" + step.name().toLowerCase(java.util.Locale.ROOT));
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.stepErrorProperty());
        error.visibleProperty().bind(viewModel.stepErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label detail = new Label();
        detail.setId("wizard-step-detail-" + step.name().toLowerCase(java.util.Locale.ROOT));
        detail.getStyleClass().add("hint");
        detail.setWrapText(true);
        detail.textProperty().bind(Bindings.createStringBinding(() -> viewModel.stepErrorDetailProperty().get().isEmpty()
                ? "" : "AWS: " + viewModel.stepErrorDetailProperty().get(), viewModel.stepErrorDetailProperty()));
        detail.visibleProperty().bind(viewModel.stepErrorDetailProperty().isNotEmpty());
        detail.managedProperty().bind(detail.visibleProperty());
        page.getChildren().addAll(error, detail);
        if (content.length == 1 && content[0] instanceof ScrollPane || step == WizardStep.REVIEW) {
            VBox.setVgrow(content[0], Priority.ALWAYS);
        }
        page.getStyleClass().add("wizard-page");
        page.setId("wizard-page-" + step.name().toLowerCase(java.util.Locale.ROOT));
        return page;
    }

    private Node typePage() {
        ToggleGroup group = new ToggleGroup();
        VBox choices = new VBox(8);
        for (TriggerType type : TriggerType.values()) {
            RadioButton radio = new RadioButton(type.label());
            radio.setId("wizard-type-" + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            radio.setToggleGroup(group);
            radio.setUserData(type);
            radio.setSelected(viewModel.typeProperty().get() == type);
            radio.disableProperty().bind(viewModel.editingProperty());
            choices.getChildren().addAll(radio, hint(type.description()));
        }
        group.selectedToggleProperty().addListener((o, was, is) -> {
            if (is != null) {
                viewModel.typeProperty().set((TriggerType) is.getUserData());
            }
        });
        viewModel.typeProperty().addListener((o, was, is) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == is).findFirst().ifPresent(group::selectToggle));
        return page(WizardStep.TRIGGER_TYPE, choices);
    }

    private Node clusterPage() {
        ComboBox<ClusterChoice> clusters = new ComboBox<>(viewModel.clusters());
        clusters.setId("wizard-cluster");
        clusters.setMaxWidth(Double.MAX_VALUE);
        clusters.valueProperty().bindBidirectional(viewModel.clusterProperty());
        clusters.disableProperty().bind(viewModel.editingProperty());
        VBox msk = new VBox(6, label("MSK cluster"), clusters);
        BooleanBinding isMsk = viewModel.typeProperty().isEqualTo(TriggerType.MSK);
        msk.visibleProperty().bind(isMsk);
        msk.managedProperty().bind(isMsk);
        TextField bootstrap = textField("wizard-bootstrap", viewModel.bootstrapServersProperty(), "host:9092,host2:9092", true);
        VBox selfManaged = new VBox(6, label("Bootstrap servers"), bootstrap,
                hint("Comma-separated host:port pairs. Defaults to the cluster in use."));
        selfManaged.visibleProperty().bind(isMsk.not());
        selfManaged.managedProperty().bind(isMsk.not());
        return page(WizardStep.CLUSTER, msk, selfManaged);
    }

    private Node topicPage() {
        ComboBox<String> topics = new ComboBox<>(viewModel.topicSuggestions());
        topics.setId("wizard-topic");
        topics.setEditable(true);
        topics.setMaxWidth(Double.MAX_VALUE);
        topics.setPromptText("Type a topic, or choose one of the cluster's");
        topics.getEditor().textProperty().bindBidirectional(viewModel.topicProperty());
        topics.valueProperty().addListener((o, was, is) -> {
            if (is != null) {
                viewModel.topicProperty().set(is);
            }
        });
        topics.disableProperty().bind(viewModel.editingProperty());
        Label note = new Label();
        note.setId("wizard-topic-note");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.textProperty().bind(viewModel.topicNoteProperty());
        TextField group = textField("wizard-consumer-group", viewModel.consumerGroupIdProperty(),
                "Default: the trigger's UUID", true);
        return page(WizardStep.TOPIC, label("Topic name"), topics, note, label("Consumer group ID (optional)"), group,
                hint("If the group already has committed offsets, they win over the starting position."));
    }

    private Node positionPage() {
        ToggleGroup group = new ToggleGroup();
        VBox choices = new VBox(8);
        String[][] options = {{"LATEST", "Latest", "Only records produced after the trigger starts."},
                {"TRIM_HORIZON", "Trim horizon", "Every record still in the topic, oldest first."},
                {"AT_TIMESTAMP", "At timestamp", "Records from a point in time on."}};
        for (String[] option : options) {
            StartingPosition position = StartingPosition.valueOf(option[0]);
            RadioButton radio = new RadioButton(option[1]);
            radio.setId("wizard-position-" + option[0].toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            radio.setToggleGroup(group);
            radio.setUserData(position);
            radio.setSelected(viewModel.startingPositionProperty().get() == position);
            radio.disableProperty().bind(viewModel.editingProperty());
            choices.getChildren().addAll(radio, hint(option[2]));
        }
        group.selectedToggleProperty().addListener((o, was, is) -> {
            if (is != null) {
                viewModel.startingPositionProperty().set((StartingPosition) is.getUserData());
            }
        });
        viewModel.startingPositionProperty().addListener((o, was, is) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == is).findFirst().ifPresent(group::selectToggle));
        TextField timestamp = textField("wizard-timestamp", viewModel.startingTimestampProperty(),
                TriggerForm.TIMESTAMP_PATTERN + " (local) or 2026-01-31T09:30:00Z", true);
        HBox when = new HBox(8, TimestampPicker.of(viewModel.startingTimestampProperty(), viewModel.editingProperty()),
                timestamp);
        when.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(timestamp, Priority.ALWAYS);
        BooleanBinding atTimestamp = viewModel.startingPositionProperty().isEqualTo(StartingPosition.AT_TIMESTAMP);
        when.visibleProperty().bind(atTimestamp);
        return page(WizardStep.STARTING_POSITION, choices, when);
    }

    private Node functionPage() {
        ComboBox<String> functions = new ComboBox<>(viewModel.functions());
        functions.setId("wizard-function");
        functions.setMaxWidth(Double.MAX_VALUE);
        functions.setPromptText("Choose a registered function");
        functions.valueProperty().bindBidirectional(viewModel.functionNameProperty());
        Button register = new Button("Register a new function…");
        register.setId("wizard-register-function");
        register.setOnAction(e -> registerFunction.apply(register).ifPresent(viewModel::functionRegistered));
        return page(WizardStep.FUNCTION, functions, register,
                hint("A function runs your handler as Lambda does, through its Runtime API (Python, Node.js, Java or "
                        + "a custom runtime's bootstrap), or as a command, an in-process Java handler, or behind "
                        + "Lambda's Invoke API (sam local start-lambda, LocalStack, AWS)."));
    }

    private Node enablePage() {
        ToggleSwitch enable = new ToggleSwitch("Enable trigger");
        enable.setId("wizard-enable");
        enable.selectedProperty().bindBidirectional(viewModel.enabledProperty());
        return page(WizardStep.ENABLE, enable, hint("Off creates the trigger disabled, as AWS recommends for "
                + "testing: it starts polling when you enable it."));
    }

    private Node buttons() {
        Label submitError = new Label();
        submitError.setId("wizard-submit-error");
        submitError.getStyleClass().add("inline-error");
        submitError.setWrapText(true);
        submitError.textProperty().bind(viewModel.submitErrorProperty());
        submitError.visibleProperty().bind(viewModel.submitErrorProperty().isNotEmpty());
        submitError.managedProperty().bind(submitError.visibleProperty());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(viewModel.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("wizard-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        Button back = new Button("Back");
        back.setId("wizard-back");
        back.disableProperty().bind(viewModel.stepProperty().isEqualTo(WizardStep.TRIGGER_TYPE));
        back.setOnAction(e -> viewModel.back());
        Button next = new Button("Next");
        next.setId("wizard-next");
        // Next stays enabled: pressing it on a step with a problem shows the problem (validation after a touch).
        next.disableProperty().bind(viewModel.stepProperty().isEqualTo(WizardStep.REVIEW));
        next.setOnAction(e -> viewModel.next());
        Button create = new Button();
        create.setId("wizard-create");
        create.getStyleClass().add("primary");
        create.textProperty().bind(Bindings.when(viewModel.editingProperty()).then("Save").otherwise("Create trigger"));
        create.disableProperty().bind(viewModel.busyProperty().or(viewModel.stepErrorProperty().isNotEmpty())
                .or(viewModel.stepProperty().isNotEqualTo(WizardStep.REVIEW).and(viewModel.editingProperty().not())));
        create.setOnAction(e -> viewModel.submit());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, progress, spacer, cancel, back, next, create);
        row.setAlignment(Pos.CENTER_RIGHT);
        VBox bottom = new VBox(8, submitError, row);
        bottom.getStyleClass().add("wizard-buttons");
        return bottom;
    }

    private static ScrollPane scrolled(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("wizard-scroll");
        return scroll;
    }

    private TextField textField(String id, javafx.beans.property.StringProperty property, String prompt, boolean createOnly) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        if (createOnly) {
            field.disableProperty().bind(viewModel.editingProperty());
        }
        return field;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-name");
        return label;
    }

    private static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hint");
        label.setWrapText(true);
        return label;
    }
}
