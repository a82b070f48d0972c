package io.triggerlab.console.layout;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the labels, buttons, tabs and check boxes of a window that show their text cut short with an ellipsis. Table
 * and list cells are left out: a long value in a cell is cut by design and shown in full in the detail panes.
 * Call on the FX thread, after a layout pass.
 */
public final class Ellipsis {

    private Ellipsis() {
    }

    /** "Label 'StateTransitionReason' shows 'StateTrans…'" for every cut text under {@code root} that is shown. */
    public static List<String> in(Parent root) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible() || node instanceof IndexedCell) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            String shown = shownText(labeled);
            if (shown != null && !shown.equals(labeled.getText()) && shown.endsWith(labeled.getEllipsisString())) {
                cut.add(labeled.getClass().getSimpleName() + " '" + labeled.getText() + "' shows '" + shown + "'"
                        + (labeled.getId() == null ? "" : " (#" + labeled.getId() + ")"));
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, cut);
            }
        }
    }

    /** The text the skin draws (its LabeledText child), or null before the skin exists. */
    private static String shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text) {
                return text.getText();
            }
        }
        return null;
    }
}
