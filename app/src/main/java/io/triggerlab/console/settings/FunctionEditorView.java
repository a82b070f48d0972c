package io.triggerlab.console.settings;

import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.LambdaRuntime;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import io.triggerlab.console.common.DialogKeys;
import javafx.stage.Stage;
import javafx.stage.Window;

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
        Scene scene = new Scene(view.root(), 620, 540);
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
        GridPane runtime = grid(List.<Node[]>of(
                row("Runtime", runtimeChoice),
                row("Handler", field("function-runtime-handler", "app.handler · index.handler · com.example.Handler::handleRequest",
                        viewModel.handlerProperty())),
                row("Code", field("function-code", "directory, .zip or .jar", viewModel.codeProperty())),
                row("Memory (MB)", field("function-memory", "128", viewModel.memorySizeProperty())),
                row("Environment", field("function-environment", "KEY=VALUE, KEY2=VALUE2", viewModel.environmentProperty()))));
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
        return new VBox(10, top, kindHint, runtime, command, java, invoke, bottom, warning);
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
