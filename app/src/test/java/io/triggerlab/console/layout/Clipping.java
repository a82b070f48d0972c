package io.triggerlab.console.layout;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.skin.VirtualFlow;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the buttons, check boxes, labels and text fields of a window that are cut off: partly outside the window, or
 * partly outside a pane that clips its content (a split pane's side, a tab's content, a tab header row that
 * overflows). What scrolls is left out (scroll panes, table and list rows): being partly out of view is how it works.
 * Call on the FX thread, after a layout pass.
 */
public final class Clipping {

    /** Sub-pixel differences come from snapping and anti-aliasing, not from a cut control. */
    private static final double TOLERANCE = 1.0;

    private Clipping() {
    }

    /** "CheckBox 'Plain text' is cut by SplitPane$Content…" for every cut control under {@code root}. */
    public static List<String> in(Parent root) {
        List<String> cut = new ArrayList<>();
        Bounds window = root.getLayoutBounds();
        collect(root, root, window, cut);
        return cut;
    }

    private static void collect(Node node, Parent root, Bounds window, List<String> cut) {
        if (!node.isVisible() || node instanceof IndexedCell || node instanceof ScrollPane
                || node instanceof VirtualFlow) {
            return;
        }
        if (isChecked(node)) {
            String why = whyCut(node, root, window);
            if (why != null) {
                cut.add(describe(node) + " " + why);
            }
            if (!(node instanceof Parent) || node instanceof TextInputControl) {
                return;
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, root, window, cut);
            }
        }
    }

    private static boolean isChecked(Node node) {
        return node instanceof ButtonBase || node instanceof TextInputControl
                || node instanceof Label label && label.getText() != null && !label.getText().isBlank();
    }

    private static String whyCut(Node node, Parent root, Bounds window) {
        // The box the layout gave the control: its text may draw a trailing space past it, which cuts nothing.
        Bounds own = node.getLayoutBounds();
        if (own.getWidth() <= 0 || own.getHeight() <= 0) {
            return null;
        }
        if (!inside(root.sceneToLocal(node.localToScene(own)), window)) {
            return "is partly outside the window";
        }
        for (Parent up = node.getParent(); up != null && up != root.getParent(); up = up.getParent()) {
            if (up.getClip() != null && !inside(up.sceneToLocal(node.localToScene(own)), up.getClip().getBoundsInParent())) {
                return "is cut by the edge of a " + up.getClass().getSimpleName();
            }
        }
        return null;
    }

    private static boolean inside(Bounds inner, Bounds outer) {
        return inner.getMinX() >= outer.getMinX() - TOLERANCE && inner.getMinY() >= outer.getMinY() - TOLERANCE
                && inner.getMaxX() <= outer.getMaxX() + TOLERANCE && inner.getMaxY() <= outer.getMaxY() + TOLERANCE;
    }

    private static String describe(Node node) {
        String text = node instanceof javafx.scene.control.Labeled labeled ? " '" + labeled.getText() + "'"
                : node instanceof TextInputControl field ? " '" + field.getPromptText() + "'" : "";
        return node.getClass().getSimpleName() + text + (node.getId() == null ? "" : " (#" + node.getId() + ")");
    }
}
