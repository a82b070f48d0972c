package io.triggerlab.console.settings;

import io.triggerlab.console.common.MessageLabels;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.util.Objects;

/** The "AWS compatibility" tab of Settings: the strict-mode switch and what it does now. */
public final class StrictModeView {

    private final VBox root;

    public StrictModeView(StrictModeViewModel viewModel) {
        Objects.requireNonNull(viewModel, "viewModel");
        CheckBox strict = new CheckBox("Strict AWS mode: refuse configurations AWS would reject");
        strict.setId("settings-strict-aws");
        strict.selectedProperty().bindBidirectional(viewModel.strictProperty());
        Label status = label("settings-strict-status", "hint");
        status.textProperty().bind(viewModel.statusProperty());
        Label extra = label("settings-strict-extra", "hint");
        extra.setText("TriggerLab extra — AWS has no such switch. For CI pipelines that must fail where a deployment "
                + "would; the API answers InvalidParameterValueException with the finding and what to do.");
        Label error = MessageLabels.bound("settings-strict-error", viewModel.errorMessageProperty(), "inline-error");
        root = new VBox(10, strict, status, extra, error);
        root.setId("settings-strict");
        root.setPadding(new Insets(12));
    }

    private static Label label(String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        return label;
    }

    public Node root() {
        return root;
    }
}
