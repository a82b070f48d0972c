package io.triggerlab.console.step;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.Objects;

/**
 * The step-mode bar under the trigger page's header: the switch, "Deliver next batch" and what the gate holds. While
 * step mode is on and the bar is on screen it asks the ViewModel to re-read the gate twice a second.
 */
public final class StepModeView {

    private static final Duration REFRESH = Duration.millis(500);

    private final StepModeViewModel viewModel;
    private final VBox root = new VBox(4);
    private final Timeline ticker;
    /** Held here: a binding only weakly listens to what it is made of, and would be collected with its listener. */
    private final BooleanBinding ticking;

    public StepModeView(StepModeViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        root.setId("step-mode");
        root.getStyleClass().add("step-mode");
        root.visibleProperty().bind(viewModel.availableProperty());
        root.managedProperty().bind(root.visibleProperty());
        root.getChildren().addAll(bar(), error());
        ticker = new Timeline(new KeyFrame(REFRESH, e -> viewModel.refresh()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticking = viewModel.enabledProperty().and(root.sceneProperty().isNotNull());
        ticking.addListener((o, was, is) -> follow(is));
        follow(ticking.get());
    }

    public Node root() {
        return root;
    }

    private void follow(boolean ticking) {
        if (ticking) {
            ticker.play();
        } else {
            ticker.stop();
        }
    }

    private Node bar() {
        CheckBox toggle = new CheckBox("Step mode");
        toggle.setId("step-toggle");
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.setTooltip(new Tooltip("Each batch waits for Deliver next batch, so you can sit at a breakpoint in the "
                + "function while the trigger waits. Off lets the trigger run on."));
        toggle.setSelected(viewModel.enabledProperty().get());
        viewModel.enabledProperty().addListener((o, was, is) -> toggle.setSelected(is));
        toggle.disableProperty().bind(viewModel.busyProperty());
        toggle.setOnAction(e -> viewModel.setEnabled(toggle.isSelected()));

        Button deliver = new Button("Deliver next batch");
        deliver.setId("step-deliver-next");
        deliver.getStyleClass().add("primary");
        deliver.setMinWidth(Region.USE_PREF_SIZE);
        deliver.disableProperty().bind(viewModel.enabledProperty().not().or(viewModel.busyProperty()));
        deliver.setOnAction(e -> viewModel.deliverNextBatch());

        Label status = new Label();
        status.setId("step-status");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusTextProperty());
        status.styleProperty().bind(Bindings.when(viewModel.batchWaitingProperty())
                .then("-fx-font-weight: bold;").otherwise(""));
        HBox.setHgrow(status, Priority.ALWAYS);

        Label extra = new Label(StepModeViewModel.EXTRA_LABEL);
        extra.setId("step-extra");
        extra.getStyleClass().add("reading-badge");
        extra.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, toggle, deliver, status, extra);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node error() {
        Label error = new Label();
        error.setId("step-error");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorMessageProperty());
        error.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }
}
