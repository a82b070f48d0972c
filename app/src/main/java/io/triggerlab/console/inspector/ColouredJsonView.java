package io.triggerlab.console.inspector;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON shown with syntax colours: one {@link Text} node per run of {@link ColouredJson}, styled by the stylesheet's
 * {@code json-*} classes. Only the coloured prefix is shown: laying out megabytes in a {@code TextFlow} would stall the
 * FX thread for minutes (see {@link ColouredJson}); a last line says how much more there is. javafx-controls only.
 */
public final class ColouredJsonView {

    private final TextFlow flow = new TextFlow();
    private final ScrollPane root = new ScrollPane(flow);

    public ColouredJsonView(String id) {
        flow.setId(id);
        flow.getStyleClass().addAll("mono", "json-view");
        root.getStyleClass().add("json-scroll");
        root.setFitToWidth(false);
    }

    public Node root() {
        return root;
    }

    public TextFlow flow() {
        return flow;
    }

    /** Replaces what is shown. Call on the FX thread; the runs were found in the background. */
    public void show(ColouredJson json) {
        String text = json.text();
        List<Node> nodes = new ArrayList<>(json.spans().size() + 1);
        for (JsonSpan span : json.spans()) {
            Text node = new Text(text.substring(span.start(), span.end()));
            node.getStyleClass().add(span.kind().styleClass());
            nodes.add(node);
        }
        if (json.truncated()) {
            Text more = new Text("… " + (text.length() - json.colouredChars()) / 1024 + " KB more: tick Plain text "
                    + "to see all of it.");
            more.getStyleClass().add("json-more");
            nodes.add(more);
        }
        flow.getChildren().setAll(nodes);
        root.setVvalue(0);
        root.setHvalue(0);
    }

}
