package io.triggerlab.console.pollers;

import io.triggerlab.console.common.MessageLabels;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Objects;

/** The "Pollers" tab: the mode, the provisioned settings with Save, the group and the live provisioned metrics. */
public final class PollersView {

    private final PollersViewModel viewModel;
    private final ScrollPane root;

    public PollersView(PollersViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        VBox content = new VBox(10, heading("Event pollers"),
                MessageLabels.bound("pollers-mode", viewModel.modeProperty(), null), settings(),
                MessageLabels.bound("pollers-error", viewModel.errorMessageProperty(), "inline-error"),
                MessageLabels.bound("pollers-group-summary", viewModel.groupSummaryProperty(), "hint"),
                heading("Provisioned-mode metrics"),
                MessageLabels.bound("pollers-metrics", viewModel.liveMetricsProperty(), null));
        content.getStyleClass().add("tab-header");
        root = new ScrollPane(content);
        root.setId("pollers");
        root.setFitToWidth(true);
    }

    public Node root() {
        return root;
    }

    private Node settings() {
        CheckBox provisioned = new CheckBox("Provisioned mode (ProvisionedPollerConfig)");
        provisioned.setId("pollers-provisioned");
        provisioned.selectedProperty().bindBidirectional(viewModel.fields().provisionedProperty());
        TextField min = field("pollers-min", viewModel.fields().minPollersProperty(), "1 (default)");
        TextField max = field("pollers-max", viewModel.fields().maxPollersProperty(), "200 (default)");
        TextField group = field("pollers-group", viewModel.fields().groupProperty(), "Poller group name (optional)");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, new Label("MinimumPollers (1–200)"), min);
        grid.addRow(1, new Label("MaximumPollers (1–2,000)"), max);
        grid.addRow(2, new Label("PollerGroupName"), group);
        Button save = new Button("Save pollers");
        save.setId("pollers-save");
        save.disableProperty().bind(viewModel.canSaveProperty().not().or(viewModel.busyProperty()));
        save.setOnAction(e -> viewModel.save());
        Label hint = new Label("Off: on-demand mode. Triggers with the same poller group share its event poller "
                + "units (at most 100 triggers and 2,000 MaximumPollers per group).");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        HBox actions = new HBox(8, save);
        actions.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, provisioned, grid, hint, actions);
    }

    private TextField field(String id, javafx.beans.property.StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        field.disableProperty().bind(viewModel.fields().provisionedProperty().not());
        return field;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-heading");
        return label;
    }
}
