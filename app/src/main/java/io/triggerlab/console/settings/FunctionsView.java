package io.triggerlab.console.settings;

import io.triggerlab.console.common.Dialogs;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Objects;
import java.util.function.Function;

/** Settings › Functions: a table of the registered functions with Register, Edit and Remove. */
public final class FunctionsView {

    private final FunctionsViewModel viewModel;
    private final String stylesheet;
    private final VBox root = new VBox(10);

    public FunctionsView(FunctionsViewModel viewModel, String stylesheet) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.stylesheet = Objects.requireNonNull(stylesheet, "stylesheet");
        root.setId("settings-functions");
        root.getStyleClass().add("dialog-form");
        Label title = new Label("Functions");
        title.getStyleClass().add("page-title");
        TableView<FunctionsViewModel.FunctionRow> table = new TableView<>(viewModel.rows());
        table.setId("functions-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("Name", FunctionsViewModel.FunctionRow::name));
        table.getColumns().add(column("Runs as", FunctionsViewModel.FunctionRow::kind));
        table.getColumns().add(column("Target", FunctionsViewModel.FunctionRow::target));
        table.getColumns().add(column("Timeout", FunctionsViewModel.FunctionRow::timeout));
        table.getColumns().add(column("Note", FunctionsViewModel.FunctionRow::warning));
        Label placeholder = new Label("No functions registered yet.");
        placeholder.getStyleClass().add("placeholder");
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> viewModel.selectedProperty().set(is));
        VBox.setVgrow(table, Priority.ALWAYS);

        Button add = new Button("Register…");
        add.setId("function-add");
        add.setOnAction(e -> openEditor(null));
        Button edit = new Button("Edit…");
        edit.setId("function-edit");
        edit.disableProperty().bind(viewModel.selectedProperty().isNull());
        edit.setOnAction(e -> openEditor(viewModel.selectedProperty().get()));
        Button remove = new Button("Remove…");
        remove.setId("function-remove");
        remove.disableProperty().bind(viewModel.selectedProperty().isNull());
        remove.setOnAction(e -> {
            FunctionsViewModel.FunctionRow row = viewModel.selectedProperty().get();
            if (row != null && Dialogs.confirm(remove, "Remove function " + row.name() + "?",
                    "Triggers that deliver to it will fail to invoke it until a function with that name is "
                            + "registered again.", "Remove function")) {
                viewModel.removeSelected();
            }
        });
        Label error = new Label();
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorMessageProperty());
        HBox buttons = new HBox(8, add, edit, remove);
        buttons.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(title, table, buttons, error);
    }

    private void openEditor(FunctionsViewModel.FunctionRow row) {
        FunctionEditorViewModel editor = viewModel.editor(row == null ? null : row.definition());
        FunctionEditorView.showDialog(root.getScene().getWindow(), editor, stylesheet)
                .ifPresent(saved -> viewModel.reload());
    }

    public Parent root() {
        return root;
    }

    private static TableColumn<FunctionsViewModel.FunctionRow, String> column(
            String title, Function<FunctionsViewModel.FunctionRow, String> value) {
        TableColumn<FunctionsViewModel.FunctionRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
