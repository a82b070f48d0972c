package io.triggerlab.console.inspector;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One key, value or header in the inspector: its size and kind on top, a warning marker when the chosen view does not
 * fit the bytes, and the decoded form beside the hex dump, so nothing is ever shown as something it is not.
 */
public final class BytesPane {

    private final VBox root = new VBox(4);

    private static final double MIN_HEIGHT = 28;

    /** @param id the decoded area's id; the hex area gets {@code id-hex}, the labels {@code id-size}, {@code id-marker} */
    public BytesPane(String id, ObservableValue<BytesDetail> detail) {
        Label summary = new Label();
        summary.setId(id + "-size");
        summary.getStyleClass().add("hint");
        Label marker = new Label();
        marker.setId(id + "-marker");
        marker.getStyleClass().add("warning");
        marker.setWrapText(true);
        marker.visibleProperty().bind(marker.textProperty().isNotEmpty());
        marker.managedProperty().bind(marker.visibleProperty());
        TextArea shown = area(id);
        TextArea hex = area(id + "-hex");
        hex.setPrefColumnCount(40);
        SplitPane split = new SplitPane(shown, hex);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(summary, marker, split);
        Runnable apply = () -> {
            BytesDetail d = detail.getValue() == null ? BytesDetail.NONE : detail.getValue();
            summary.setText(d.summary());
            marker.setText(d.marker());
            shown.setText(d.shown());
            hex.setText(d.hexDump());
        };
        detail.addListener((o, was, is) -> apply.run());
        apply.run();
    }

    public Node root() {
        return root;
    }

    private static TextArea area(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().add("mono");
        // A line and a half at least; on a small window the text scrolls instead of pushing the pane past the window's edge.
        area.setMinHeight(MIN_HEIGHT);
        return area;
    }
}
