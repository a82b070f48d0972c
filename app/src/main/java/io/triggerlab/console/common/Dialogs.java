package io.triggerlab.console.common;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

import java.util.Optional;

/** The console's dialogs: a plain message for every error (never a stack trace) and confirmations. */
public final class Dialogs {

    private Dialogs() {
    }

    /** Shows an error message; the header says what failed, the body why and what to do. */
    public static void showError(Node owner, String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        prepare(alert, owner, "TriggerLab", header, message);
        alert.show();
    }

    /** Asks before something that cannot be undone; true when the person confirmed with {@code confirmLabel}. */
    public static boolean confirm(Node owner, String header, String message, String confirmLabel) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        prepare(alert, owner, "TriggerLab", header, message);
        ButtonType confirm = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(ButtonType.CANCEL, confirm);
        // Enter must not destroy anything: Cancel is the default button, the destructive one has to be clicked.
        ((Button) alert.getDialogPane().lookupButton(confirm)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == confirm;
    }

    private static void prepare(Alert alert, Node owner, String title, String header, String message) {
        alert.setTitle(title);
        alert.setHeaderText(header);
        Label body = new Label(message);
        body.setWrapText(true);
        body.setMaxWidth(520);
        body.getStyleClass().add("dialog-message");
        alert.getDialogPane().setContent(body);
        Window window = owner == null || owner.getScene() == null ? null : owner.getScene().getWindow();
        if (window != null) {
            alert.initOwner(window);
        }
    }
}
