package io.triggerlab.console.wizard;

import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The small controls every wizard page is made of, styled alike. */
final class WizardFields {

    private WizardFields() {
    }

    static TextField text(String id, StringProperty property, String prompt, ObservableBooleanValue locked) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        if (locked != null) {
            field.disableProperty().bind(locked);
        }
        return field;
    }

    static Label name(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-name");
        return label;
    }

    static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hint");
        label.setWrapText(true);
        return label;
    }
}
