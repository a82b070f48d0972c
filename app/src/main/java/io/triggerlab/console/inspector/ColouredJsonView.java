package io.triggerlab.console.inspector;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON shown with syntax colours: one {@link Text} node per run of {@link ColouredJson}, styled by the stylesheet's
 * {@code json-*} classes, and the uncoloured rest of a large event as one plain node. Built with javafx-controls only.
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
            Text rest = new Text(text.substring(json.colouredChars()));
            rest.getStyleClass().add("json-plain");
            nodes.add(rest);
        }
        flow.getChildren().setAll(nodes);
        root.setVvalue(0);
        root.setHvalue(0);
    }

    /** The text shown, for tests: every node's text in order. */
    public String text() {
        StringBuilder all = new StringBuilder();
        for (Node node : flow.getChildren()) {
            all.append(((Text) node).getText());
        }
        return all.toString();
    }
}
