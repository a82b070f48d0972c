package io.triggerlab.console.wizard;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Review step: the JSON request Create sends, and the same call as an AWS CLI command, each copyable. */
final class ReviewPage {

    private ReviewPage() {
    }

    static Node content(TriggerWizardViewModel vm) {
        VBox json = block("wizard-review-json", "Request body", vm.reviewJsonProperty());
        VBox cli = block("wizard-review-cli", "AWS CLI (against this engine's Lambda API)", vm.reviewCliProperty());
        VBox box = new VBox(10, json, cli);
        VBox.setVgrow(json, Priority.ALWAYS);
        VBox.setVgrow(cli, Priority.ALWAYS);
        return box;
    }

    private static VBox block(String id, String title, ObservableStringValue text) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().add("mono");
        area.setPrefRowCount(8);
        area.textProperty().bind(text);
        Label copied = WizardFields.hint("");
        copied.setId(id + "-copied");
        Button copy = new Button("Copy");
        copy.setId(id + "-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.get());
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText("Copied " + text.get().length() + " characters.");
        });
        text.addListener((o, was, is) -> copied.setText(""));
        HBox head = new HBox(8, WizardFields.name(title), copy, copied);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox block = new VBox(6, head, area);
        VBox.setVgrow(area, Priority.ALWAYS);
        return block;
    }
}
