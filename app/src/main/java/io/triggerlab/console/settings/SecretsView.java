package io.triggerlab.console.settings;

import io.triggerlab.console.common.Dialogs;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Settings › Secrets: the local vault's secrets (never their values) and the AWS Secrets Manager settings. */
public final class SecretsView {

    private final SecretsViewModel viewModel;
    private final String stylesheet;
    private final VBox root = new VBox(12);

    public SecretsView(SecretsViewModel viewModel, String stylesheet) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.stylesheet = Objects.requireNonNull(stylesheet, "stylesheet");
        root.setId("settings-secrets");
        root.getStyleClass().add("dialog-form");
        root.getChildren().addAll(vault(), secretsManager());
    }

    public Parent root() {
        return root;
    }

    private Node vault() {
        TableView<SecretsViewModel.SecretRow> table = new TableView<>(viewModel.rows());
        table.setId("secrets-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("Name", SecretsViewModel.SecretRow::name));
        table.getColumns().add(column("Fields", SecretsViewModel.SecretRow::fields));
        table.getColumns().add(column("Size", SecretsViewModel.SecretRow::size));
        table.getColumns().add(column("Updated", SecretsViewModel.SecretRow::updated));
        table.getColumns().add(column("ARN", SecretsViewModel.SecretRow::arn));
        Label placeholder = new Label("No secrets in the local vault yet.");
        placeholder.getStyleClass().add("placeholder");
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> viewModel.selectedProperty().set(is));
        VBox.setVgrow(table, Priority.ALWAYS);

        Button add = new Button("New…");
        add.setId("secret-add");
        add.setOnAction(e -> openEditor(null));
        Button edit = new Button("Edit…");
        edit.setId("secret-edit");
        edit.disableProperty().bind(viewModel.selectedProperty().isNull());
        edit.setOnAction(e -> openEditor(viewModel.selectedProperty().get()));
        Button remove = new Button("Remove…");
        remove.setId("secret-remove");
        remove.disableProperty().bind(viewModel.selectedProperty().isNull());
        remove.setOnAction(e -> {
            SecretsViewModel.SecretRow row = viewModel.selectedProperty().get();
            if (row != null && Dialogs.confirm(remove, "Remove secret " + row.name() + "?",
                    "Triggers that name it fail to authenticate until a secret with that ARN is stored again.",
                    "Remove secret")) {
                viewModel.removeSelected();
            }
        });
        HBox buttons = new HBox(8, add, edit, remove);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, Forms.heading("Local vault"),
                Forms.hint("Encrypted at rest in the data directory. Triggers name these secrets by ARN in their "
                        + "authentication, as on AWS."), table, buttons,
                Forms.message("secrets-error", "inline-error", viewModel.errorMessageProperty()));
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private void openEditor(SecretsViewModel.SecretRow row) {
        SecretEditorView.showDialog(root.getScene().getWindow(), viewModel.editor(row), stylesheet)
                .ifPresent(saved -> viewModel.reload());
    }

    private Node secretsManager() {
        CheckBox enabled = new CheckBox("Look up secrets the local vault lacks in AWS Secrets Manager");
        enabled.setId("secretsmanager-enabled");
        enabled.selectedProperty().bindBidirectional(viewModel.secretsManagerEnabledProperty());
        Node grid = Forms.grid(List.<Node[]>of(
                Forms.row("Profile", Forms.field("secretsmanager-profile", "default credentials chain",
                        viewModel.profileProperty())),
                Forms.row("Region", Forms.field("secretsmanager-region", "the engine's region",
                        viewModel.regionProperty()))));
        Button save = new Button("Save");
        save.setId("secretsmanager-save");
        save.setOnAction(e -> viewModel.saveSecretsManager());
        return new VBox(8, Forms.heading("AWS Secrets Manager"),
                Forms.hint("Stored in aws.properties in the data directory (no credentials: they stay in ~/.aws). "
                        + "The profile is also used for MSK IAM."), enabled, grid, save,
                Forms.message("secretsmanager-message", "result-ok", viewModel.awsMessageProperty()),
                Forms.message("secretsmanager-error", "inline-error", viewModel.awsErrorProperty()));
    }

    private static TableColumn<SecretsViewModel.SecretRow, String> column(
            String title, Function<SecretsViewModel.SecretRow, String> value) {
        TableColumn<SecretsViewModel.SecretRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
