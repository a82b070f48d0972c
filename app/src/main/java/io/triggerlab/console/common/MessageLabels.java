package io.triggerlab.console.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/** Labels that show a ViewModel's message and take no room while it is empty: an error, a hint, a status line. */
public final class MessageLabels {

    private MessageLabels() {
    }

    /** A wrapping label bound to {@code text}, styled {@code styleClass} ("inline-error", "hint"…), hidden when empty. */
    public static Label bound(String id, ObservableStringValue text, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
