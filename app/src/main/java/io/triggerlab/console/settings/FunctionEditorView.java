package io.triggerlab.console.settings;

import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.LambdaRuntime;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import io.triggerlab.console.common.DialogKeys;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The form that registers or edits a function. {@link #showDialog} opens it as a modal window. */
public final class FunctionEditorView {

    private final FunctionEditorViewModel viewModel;
    private final Runnable close;
    private final VBox root = new VBox(12);

    public FunctionEditorView(FunctionEditorViewModel viewModel, Runnable close) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.close = Objects.requireNonNull(close, "close");
        root.setId("function-editor");
        root.getStyleClass().add("dialog-form");
        Label title = new Label();
        title.getStyleClass().add("page-title");
        title.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.editingProperty())
                .then("Edit function").otherwise("Register a function"));
        root.getChildren().addAll(title, form(), buttons());
    }

    public Parent root() {
        return root;
    }

    /**
     * Opens the editor as a modal window over {@code owner} and waits until it closes.
     *
     * @return the function the engine stored, or empty when cancelled
     */
    public static Optional<FunctionDefinition> showDialog(Window owner, FunctionEditorViewModel viewModel, String stylesheet) {
        Stage stage = DialogKeys.closeOnEscape(new Stage());
        stage.initModality(Modality.WINDOW_MODAL);
        if (owner != null) {
            stage.initOwner(owner);
        }
        FunctionEditorView view = new FunctionEditorView(viewModel, stage::close);
        viewModel.savedProperty().addListener((o, was, is) -> {
            if (is != null) {
                stage.close();
            }
        });
        Scene scene = new Scene(view.root(), 640, 640);
        scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
        stage.setTitle("TriggerLab · Function");
        stage.showAndWait();
        return Optional.ofNullable(viewModel.savedProperty().get());
    }

    private Node form() {
        TextField name = field("function-name", "my-function", viewModel.nameProperty());
        name.disableProperty().bind(viewModel.editingProperty());
        ChoiceBox<TargetKind> kind = new ChoiceBox<>();
        kind.setId("function-kind");
        kind.getItems().setAll(TargetKind.values());
        kind.valueProperty().bindBidirectional(viewModel.kindProperty());
        Label kindHint = hint("");
        kindHint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> viewModel.kindProperty().get().description(), viewModel.kindProperty()));

        GridPane command = grid(List.<Node[]>of(
                row("Command", field("function-command", "python3 handler.py", viewModel.commandProperty())),
                row("Working directory", field("function-workdir", "Default: where TriggerLab runs",
                        viewModel.workingDirectoryProperty()))));
        GridPane java = grid(List.<Node[]>of(
                row("Classpath", field("function-classpath", "target/classes:lib/app.jar", viewModel.classpathProperty())),
                row("Handler", field("function-handler", "com.example.OrderHandler::handleRequest",
                        viewModel.handlerProperty()))));
        ComboBox<String> runtimeChoice = new ComboBox<>();
        runtimeChoice.setId("function-runtime");
        runtimeChoice.setEditable(true);
        runtimeChoice.getItems().setAll(Arrays.stream(LambdaRuntime.values()).map(LambdaRuntime::id).toList());
        runtimeChoice.valueProperty().bindBidirectional(viewModel.runtimeProperty());
        TextField runtimeHandler = field("function-runtime-handler", "", viewModel.handlerProperty());
        runtimeHandler.promptTextProperty().bind(viewModel.handlerExampleProperty());
        GridPane runtimeFields = grid(List.<Node[]>of(
                row("Runtime", runtimeChoice),
                row("Handler", runtimeHandler),
                row("Code", codeField()),
                row("Memory (MB)", field("function-memory", "128", viewModel.memorySizeProperty())),
                row("Environment", field("function-environment", "KEY=VALUE, KEY2=VALUE2", viewModel.environmentProperty()))));
        VBox runtime = new VBox(8, runtimeFields, debugging());
        GridPane invoke = grid(List.<Node[]>of(
                row("Endpoint", field("function-endpoint", "empty = AWS", viewModel.endpointProperty())),
                row("Function name", field("function-remote-name", "the name there", viewModel.remoteFunctionNameProperty())),
                row("Qualifier", field("function-qualifier", "version or alias (optional)", viewModel.qualifierProperty())),
                row("Region", field("function-region", "us-east-1", viewModel.regionProperty())),
                row("Profile", field("function-profile", "AWS profile (optional)", viewModel.profileProperty()))));
        showFor(runtime, TargetKind.RUNTIME);
        showFor(command, TargetKind.COMMAND);
        showFor(java, TargetKind.JAVA);
        showFor(invoke, TargetKind.INVOKE);

        TextField timeout = field("function-timeout", "3", viewModel.timeoutSecondsProperty());
        timeout.setPrefColumnCount(6);
        Label warning = new Label();
        warning.setId("function-timeout-warning");
        warning.getStyleClass().add("warning");
        warning.setWrapText(true);
        warning.textProperty().bind(viewModel.timeoutWarningProperty());
        warning.visibleProperty().bind(viewModel.timeoutWarningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());

        GridPane top = grid(List.<Node[]>of(row("Name", name), row("Runs as", kind)));
        GridPane bottom = grid(List.<Node[]>of(row("Timeout (s)", timeout)));
        Label runtimeWarning = new Label();
        runtimeWarning.setId("function-runtime-warning");
        runtimeWarning.getStyleClass().add("warning");
        runtimeWarning.setWrapText(true);
        runtimeWarning.textProperty().bind(viewModel.runtimeWarningProperty());
        runtimeWarning.visibleProperty().bind(viewModel.runtimeWarningProperty().isNotEmpty());
        runtimeWarning.managedProperty().bind(runtimeWarning.visibleProperty());
        return new VBox(10, top, kindHint, runtime, command, java, invoke, bottom, warning, runtimeWarning);
    }

    /** The code path, typed or chosen: a directory here (a .zip or .jar can be typed). */
    private Node codeField() {
        TextField code = field("function-code", "directory, .zip or .jar", viewModel.codeProperty());
        Button browse = new Button("Browse…");
        browse.setId("function-code-browse");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("The function's code directory");
            chooser.setInitialDirectory(new File(System.getProperty("user.home")));
            File chosen = chooser.showDialog(root.getScene().getWindow());
            if (chosen != null) {
                viewModel.codeProperty().set(chosen.getPath());
            }
        });
        HBox.setHgrow(code, Priority.ALWAYS);
        return new HBox(6, code, browse);
    }

    /** Debugger settings for the runtime process, a TriggerLab extra. */
    private Node debugging() {
        CheckBox enabled = new CheckBox("Debugging: pass debugger settings to the runtime on port");
        enabled.setId("function-debug");
        enabled.selectedProperty().bindBidirectional(viewModel.debugEnabledProperty());
        TextField port = field("function-debug-port", "5005", viewModel.debugPortProperty());
        port.setPrefColumnCount(6);
        port.disableProperty().bind(viewModel.debugEnabledProperty().not());
        CheckBox suspend = new CheckBox("Suspend the function timeout while debugging");
        suspend.setId("function-debug-suspend");
        suspend.selectedProperty().bindBidirectional(viewModel.suspendTimeoutProperty());
        suspend.disableProperty().bind(viewModel.debugEnabledProperty().not());
        Label extra = new Label("TriggerLab extra — Lambda has no debugger switch");
        extra.getStyleClass().add("reading-badge");
        Label how = hint("Java gets JAVA_TOOL_OPTIONS with -agentlib:jdwp, Node.js NODE_OPTIONS=--inspect, Python and "
                + "custom runtimes TRIGGERLAB_DEBUG_PORT (TriggerLab's Python client then listens with debugpy when it "
                + "is installed). Attach your IDE's debugger to 127.0.0.1 on that port.");
        HBox first = new HBox(8, enabled, port, extra);
        first.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, first, suspend, how);
    }

    private void showFor(Node section, TargetKind kind) {
        BooleanBinding shown = viewModel.kindProperty().isEqualTo(kind);
        section.visibleProperty().bind(shown);
        section.managedProperty().bind(shown);
    }

    private Node buttons() {
        Label error = new Label();
        error.setId("function-error");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorMessageProperty());
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        Button save = new Button();
        save.setId("function-save");
        save.getStyleClass().add("primary");
        save.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.editingProperty())
                .then("Save").otherwise("Register"));
        save.disableProperty().bind(viewModel.busyProperty());
        save.setOnAction(e -> viewModel.save());
        HBox row = new HBox(8, cancel, save);
        row.setAlignment(Pos.CENTER_RIGHT);
        return new VBox(8, error, row);
    }

    private static Node[] row(String name, Node field) {
        Label label = new Label(name);
        label.getStyleClass().add("field-name");
        label.setMinWidth(120);
        return new Node[]{label, field};
    }

    private static GridPane grid(List<Node[]> rows) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        for (int i = 0; i < rows.size(); i++) {
            grid.addRow(i, rows.get(i));
            GridPane.setHgrow(rows.get(i)[1], Priority.ALWAYS);
        }
        return grid;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hint");
        label.setWrapText(true);
        return label;
    }
}
