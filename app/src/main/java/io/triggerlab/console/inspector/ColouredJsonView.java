package io.triggerlab.console.inspector;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.List;

/**
 * JSON shown with syntax colours in a virtualized list: one fixed-height cell per display line of {@link ColouredJson},
 * each made of a few {@link Text} runs styled by the stylesheet's {@code json-*} classes. Only the cells in view exist,
 * so a 6 MB event costs what a screenful costs (a {@code TextFlow} of the whole event would lay out for minutes).
 * Lines can be selected (Shift/Ctrl-click) and copied with Ctrl+C; "Plain text" in the inspector selects within a line.
 */
public final class ColouredJsonView {

    /** Cell height for the 12 px monospace font; fixed, so the list never measures cells. */
    static final double LINE_HEIGHT = 17;

    private final ListView<Integer> list = new ListView<>();
    private ColouredJson json = ColouredJson.EMPTY;
    private BiConsumer<Integer, Integer> onCopied = (lines, chars) -> { };

    public ColouredJsonView(String id) {
        list.setId(id);
        list.getStyleClass().addAll("mono", "json-view");
        list.setFixedCellSize(LINE_HEIGHT);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(ignored -> new LineCell());
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                copySelectedLines();
                e.consume();
            }
        });
    }

    public Node root() {
        return list;
    }

    /** The list; its items are display line indices into {@link #shown()}. */
    public ListView<Integer> list() {
        return list;
    }

    public ColouredJson shown() {
        return json;
    }

    /** Replaces what is shown. Call on the FX thread; lines and runs were found in the background. */
    public void show(ColouredJson json) {
        this.json = json;
        list.setItems(lineIndices(json.lineCount()));
        list.scrollTo(0);
    }

    /** The selected lines' text, a wrapped line joined again: what Ctrl+C copies. */
    public String selectedText() {
        return json.textOfLines(new ArrayList<>(list.getSelectionModel().getSelectedItems()));
    }

    /** Told the number of lines and characters after Ctrl+C copied them, so the copy can be confirmed on screen. */
    public void setOnCopied(BiConsumer<Integer, Integer> onCopied) {
        this.onCopied = Objects.requireNonNull(onCopied, "onCopied");
    }

    private void copySelectedLines() {
        if (list.getSelectionModel().isEmpty()) {
            return;
        }
        String text = selectedText();
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        onCopied.accept(list.getSelectionModel().getSelectedItems().size(), text.length());
    }

    /** 0, 1, … n-1 without allocating n objects up front: the list asks only for the indices in view. */
    private static ObservableList<Integer> lineIndices(int count) {
        return FXCollections.unmodifiableObservableList(FXCollections.observableList(new AbstractList<>() {
            @Override
            public Integer get(int index) {
                if (index < 0 || index >= count) {
                    throw new IndexOutOfBoundsException("Line " + index + " of " + count);
                }
                return index;
            }

            @Override
            public int size() {
                return count;
            }
        }));
    }

    /** One display line: a gutter mark for a wrapped line's continuation, then its coloured runs. */
    private final class LineCell extends ListCell<Integer> {
        private final HBox runs = new HBox();

        LineCell() {
            getStyleClass().add("json-line");
            setText(null);
        }

        @Override
        protected void updateItem(Integer index, boolean empty) {
            super.updateItem(index, empty);
            if (empty || index == null || index >= json.lineCount()) {
                setGraphic(null);
                return;
            }
            String line = json.line(index);
            List<Node> nodes = new ArrayList<>();
            Text gutter = new Text(json.isContinuation(index) ? "↪ " : "  ");
            gutter.getStyleClass().add("json-gutter");
            nodes.add(gutter);
            for (JsonSpan span : json.spansOfLine(index)) {
                Text run = new Text(line.substring(span.start(), span.end()));
                run.getStyleClass().add(span.kind().styleClass());
                nodes.add(run);
            }
            runs.getChildren().setAll(nodes);
            setGraphic(runs);
        }
    }
}
