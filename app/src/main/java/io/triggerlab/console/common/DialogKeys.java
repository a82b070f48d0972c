package io.triggerlab.console.common;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/** The keys every console dialog answers to, whatever its content: Escape closes it, as Cancel or Close would. */
public final class DialogKeys {

    private DialogKeys() {
    }

    /** Escape closes the window unless a control (an open combo box list, a date picker) used the key first. */
    public static Stage closeOnEscape(Stage stage) {
        stage.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !e.isConsumed()) {
                e.consume();
                stage.close();
            }
        });
        return stage;
    }
}
