package io.triggerlab.console.browser;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Objects;

/** The browser's buttons for the selected record: Produce again, and Send to function with the trigger to use. */
final class RecordActionsView {

    private final VBox root = new VBox(4);

    RecordActionsView(RecordActionsViewModel viewModel) {
        Objects.requireNonNull(viewModel, "viewModel");
        Button again = new Button("Produce again…");
        again.setId("browse-produce-again");
        again.setTooltip(new Tooltip("Open Produce test records with this record's topic, partition, key, value and "
                + "headers filled in"));
        again.disableProperty().bind(viewModel.canProduceAgain().not());
        again.setOnAction(e -> viewModel.produceAgain());
        ComboBox<TriggerChoice> trigger = new ComboBox<>(viewModel.triggers());
        trigger.setId("browse-send-trigger");
        trigger.setPromptText("No trigger reads this topic");
        trigger.valueProperty().bindBidirectional(viewModel.triggerProperty());
        Button send = new Button("Send to function");
        send.setId("browse-send");
        send.setTooltip(new Tooltip("TriggerLab extra: invoke the trigger's function once with this record as a "
                + "one-record event, as the trigger would build it. No retries, no offsets move; the invocation shows "
                + "in the trigger's table as \"Test event\"."));
        send.disableProperty().bind(viewModel.canSend().not());
        send.setOnAction(e -> viewModel.sendToFunction());
        Label extra = new Label("TriggerLab extra");
        extra.getStyleClass().add("hint");
        for (Region control : new Region[]{again, send, extra}) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox row = new HBox(8, again, new Label("Send to"), trigger, send, extra);
        row.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("browse-action-message");
        message.getStyleClass().add("hint");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        Label error = new Label();
        error.setId("browse-action-error");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorProperty());
        for (Label shown : new Label[]{message, error}) {
            shown.visibleProperty().bind(shown.textProperty().isNotEmpty());
            shown.managedProperty().bind(shown.visibleProperty());
        }
        root.getChildren().setAll(row, message, error);
    }

    Node root() {
        return root;
    }
}
