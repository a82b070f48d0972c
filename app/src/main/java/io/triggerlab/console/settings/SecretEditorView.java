package io.triggerlab.console.settings;

import io.triggerlab.engine.infra.secrets.SecretMetadata;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import io.triggerlab.console.common.DialogKeys;
import io.triggerlab.console.common.FileDialogs;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The form that creates or edits a secret. Passwords and the private key are masked unless "Show values" is ticked;
 * the field the engine's message names is marked. {@link #showDialog} opens it as a modal window.
 */
public final class SecretEditorView {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final SecretEditorViewModel viewModel;
    private final Runnable close;
    private final VBox root = new VBox(12);

    public SecretEditorView(SecretEditorViewModel viewModel, Runnable close) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.close = Objects.requireNonNull(close, "close");
        root.setId("secret-editor");
        root.getStyleClass().add("dialog-form");
        Label title = new Label();
        title.getStyleClass().add("page-title");
        title.textProperty().bind(Bindings.when(viewModel.editingProperty()).then("Edit secret").otherwise("New secret"));
        root.getChildren().addAll(title, form(), buttons());
    }

    public Parent root() {
        return root;
    }

    /** Opens the editor over {@code owner} and waits; the stored secret's metadata, or empty when cancelled. */
    public static Optional<SecretMetadata> showDialog(Window owner, SecretEditorViewModel viewModel, String stylesheet) {
        Stage stage = DialogKeys.closeOnEscape(new Stage());
        stage.initModality(Modality.WINDOW_MODAL);
        if (owner != null) {
            stage.initOwner(owner);
        }
        SecretEditorView view = new SecretEditorView(viewModel, stage::close);
        viewModel.savedProperty().addListener((o, was, is) -> {
            if (is != null) {
                stage.close();
            }
        });
        Scene scene = new Scene(view.root(), 640, 560);
        scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
        stage.setTitle("TriggerLab · Secret");
        stage.showAndWait();
        return Optional.ofNullable(viewModel.savedProperty().get());
    }

    private Node form() {
        TextField name = Forms.field("secret-name", "alice, or arn:aws:secretsmanager:…:secret:alice",
                viewModel.nameProperty());
        name.disableProperty().bind(viewModel.editingProperty());
        ChoiceBox<SecretKind> kind = new ChoiceBox<>();
        kind.setId("secret-kind");
        kind.getItems().setAll(SecretKind.values());
        kind.valueProperty().bindBidirectional(viewModel.kindProperty());
        kind.disableProperty().bind(viewModel.editingProperty());
        CheckBox show = new CheckBox("Show values");
        show.setId("secret-show");
        show.selectedProperty().bindBidirectional(viewModel.showValuesProperty());

        TextField username = Forms.field("secret-username", "alice", viewModel.usernameProperty());
        markInvalid(username, "secret-username");
        Node sasl = Forms.grid(List.<Node[]>of(
                Forms.row("Username", username),
                Forms.row("Password", masked("secret-password", viewModel.passwordProperty()))));
        Node certificate = Forms.grid(List.<Node[]>of(
                Forms.row("Certificate (PEM)", pem("secret-certificate", viewModel.certificateProperty(), true, false))));
        Node key = Forms.grid(List.<Node[]>of(
                Forms.row("Private key (PKCS#8 PEM)", pem("secret-private-key", viewModel.privateKeyProperty(), false, true)),
                Forms.row("Key password", masked("secret-key-password", viewModel.privateKeyPasswordProperty()))));
        showFor(sasl, viewModel.kindProperty().isEqualTo(SecretKind.USERNAME_PASSWORD));
        showFor(certificate, viewModel.kindProperty().isNotEqualTo(SecretKind.USERNAME_PASSWORD));
        showFor(key, viewModel.kindProperty().isEqualTo(SecretKind.CLIENT_CERTIFICATE));
        Label size = new Label();
        size.setId("secret-size");
        size.getStyleClass().add("hint");
        size.textProperty().bind(viewModel.sizeProperty());
        return new VBox(10, Forms.grid(List.<Node[]>of(Forms.row("Name or ARN", name), Forms.row("Kind", kind))),
                show, sasl, certificate, key, size);
    }

    /** A password field and a clear one over the same value; "Show values" picks which one is visible. */
    private Node masked(String id, StringProperty value) {
        PasswordField hidden = new PasswordField();
        hidden.setId(id);
        hidden.textProperty().bindBidirectional(value);
        TextField clear = new TextField();
        clear.setId(id + "-clear");
        clear.textProperty().bindBidirectional(value);
        hidden.visibleProperty().bind(viewModel.showValuesProperty().not());
        clear.visibleProperty().bind(viewModel.showValuesProperty());
        markInvalid(hidden, id);
        markInvalid(clear, id);
        return new StackPane(hidden, clear);
    }

    /** A PEM text area with "Load from file…"; a secret one is replaced by a note while values are hidden. */
    private Node pem(String id, StringProperty value, boolean intoCertificate, boolean secret) {
        TextArea area = new TextArea();
        area.setId(id);
        area.getStyleClass().add("mono");
        area.setPrefRowCount(5);
        area.textProperty().bindBidirectional(value);
        markInvalid(area, id);
        Button load = new Button("Load from file…");
        load.setId(id + "-load");
        load.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose a PEM file");
            chooser.setInitialDirectory(FileDialogs.initialDirectory(load));
            File file = chooser.showOpenDialog(root.getScene().getWindow());
            if (file != null) {
                FileDialogs.remember(load, file);
                viewModel.loadPem(file.toPath(), intoCertificate);
            }
        });
        if (!secret) {
            return new VBox(4, area, load);
        }
        Label hidden = new Label();
        hidden.getStyleClass().add("hint");
        hidden.textProperty().bind(Bindings.createStringBinding(() -> value.get().isEmpty()
                ? "Empty. Load it from a file, or tick Show values to paste it."
                : "Hidden (" + value.get().length() + " characters). Tick Show values to see or edit it.", value));
        area.visibleProperty().bind(viewModel.showValuesProperty());
        area.managedProperty().bind(area.visibleProperty());
        hidden.visibleProperty().bind(viewModel.showValuesProperty().not());
        hidden.managedProperty().bind(hidden.visibleProperty());
        return new VBox(4, area, hidden, load);
    }

    private void markInvalid(TextInputControl control, String id) {
        String field = switch (id) {
            case "secret-username" -> "username";
            case "secret-password" -> "password";
            case "secret-certificate" -> "certificate";
            case "secret-private-key" -> "privateKey";
            case "secret-key-password" -> "privateKeyPassword";
            default -> "";
        };
        viewModel.errorFieldProperty().addListener((o, was, is) -> control.pseudoClassStateChanged(INVALID, field.equals(is)));
    }

    private static void showFor(Node section, BooleanBinding shown) {
        section.visibleProperty().bind(shown);
        section.managedProperty().bind(shown);
    }

    private Node buttons() {
        Label error = Forms.message("secret-error", "inline-error", viewModel.errorMessageProperty());
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        Button save = new Button();
        save.setId("secret-save");
        save.getStyleClass().add("primary");
        save.textProperty().bind(Bindings.when(viewModel.editingProperty()).then("Save").otherwise("Create"));
        save.disableProperty().bind(viewModel.busyProperty());
        save.setOnAction(e -> viewModel.save());
        HBox row = new HBox(8, cancel, save);
        row.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(error, Priority.ALWAYS);
        return new VBox(8, error, row);
    }
}
