package io.triggerlab.console.shell;

import io.triggerlab.engine.Version;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/** Help › About, Documentation and Keyboard shortcuts: small dialogs that close with Close, Enter or Escape. */
final class HelpDialogs {

    /** Where the documentation lives in a source checkout and next to an installed console. */
    static final List<String> DOCUMENTS = List.of(
            "README.md — what TriggerLab is, the console tour, the CLI, the Lambda API",
            "docs/aws-behaviour.md — how the event source mapping behaves, as AWS documents it",
            "docs/aws-reading.md — where AWS is silent: TriggerLab's reading",
            "app/README.md — the console's screens and screenshots",
            "bench/README.md — performance figures and how to measure them");

    private HelpDialogs() {
    }

    static void about(Node owner) {
        Label text = new Label("TriggerLab " + Version.current() + "\n\nA local stand-in for AWS Lambda's Kafka and "
                + "Amazon MSK event source mapping: triggers poll a Kafka topic and invoke your function as Lambda "
                + "would. Where TriggerLab goes beyond AWS (the embedded sandbox, the inspector, fault injection, "
                + "replays), the screens say so.\n\nJava " + System.getProperty("java.version") + " · JavaFX "
                + System.getProperty("javafx.runtime.version", "?"));
        show(owner, "About TriggerLab", text, "help-about");
    }

    static void documentation(Node owner) {
        TextArea list = new TextArea(String.join("\n", DOCUMENTS));
        list.setEditable(false);
        list.setPrefRowCount(DOCUMENTS.size() + 1);
        list.setWrapText(true);
        VBox box = new VBox(8, new Label("The documentation ships with the sources (select a line to copy it):"), list);
        show(owner, "Documentation", box, "help-documentation");
    }

    /** Every accelerator of the menu bar, plus the keys the dialogs and the wizard answer to. */
    static void shortcuts(Node owner, MenuBar bar) {
        List<String> lines = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (item.getAccelerator() != null) {
                    lines.add(String.format("%-14s %s › %s", item.getAccelerator().getDisplayText(), menu.getText(),
                            item.getText()));
                }
            }
        }
        lines.add(String.format("%-14s %s", "Enter", "Wizard: next step (Create on Review)"));
        lines.add(String.format("%-14s %s", "Escape", "Close a dialog (as Cancel or Close)"));
        lines.add(String.format("%-14s %s", "Ctrl+C", "Inspector: copy the selected event lines"));
        TextArea text = new TextArea(String.join("\n", lines));
        text.setId("shortcut-list");
        text.setEditable(false);
        text.getStyleClass().add("mono");
        text.setPrefRowCount(lines.size() + 1);
        show(owner, "Keyboard shortcuts", text, "help-shortcuts");
    }

    private static void show(Node owner, String header, Node content, String id) {
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.setTitle("TriggerLab · " + header);
        alert.setHeaderText(header);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId(id);
        if (owner.getScene() != null && owner.getScene().getWindow() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
        alert.show();
    }
}
