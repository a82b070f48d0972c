package io.triggerlab.console.settings;

import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.util.List;

/** The small building blocks the settings tabs share: labelled rows, fields, hints, inline errors, copy buttons. */
final class Forms {

    private Forms() {
    }

    static Node[] row(String name, Node field) {
        Label label = new Label(name);
        label.getStyleClass().add("field-name");
        label.setMinWidth(130);
        return new Node[]{label, field};
    }

    static GridPane grid(List<Node[]> rows) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        for (int i = 0; i < rows.size(); i++) {
            grid.addRow(i, rows.get(i));
            GridPane.setHgrow(rows.get(i)[1], Priority.ALWAYS); // the field, not a button after it
        }
        return grid;
    }

    static TextField field(String id, String prompt, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-heading");
        return label;
    }

    static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hint");
        label.setWrapText(true);
        return label;
    }

    /** A label bound to a message, shown only while there is one. */
    static Label message(String id, String styleClass, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** A read-only, selectable value, for addresses and paths. */
    static TextField value(String id, ObservableStringValue text) {
        TextField field = new TextField();
        field.setId(id);
        field.setEditable(false);
        field.getStyleClass().add("mono");
        field.textProperty().bind(text);
        return field;
    }

    /** Copies the value to the clipboard. */
    static Button copy(String id, ObservableStringValue text) {
        Button copy = new Button("Copy");
        copy.setId(id);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        return copy;
    }
}
