package io.triggerlab.console.common;

import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Keeps every column of a table at least as wide as its header's words, so a narrow window never cuts "Offset" to
 * "O…": the table scrolls sideways instead, and the cells (whose full text the detail panes show) give way first.
 */
public final class TableHeaders {

    /** Header padding and the sort arrow's room, in pixels. */
    private static final double PADDING = 26;

    private TableHeaders() {
    }

    public static <S> TableView<S> fit(TableView<S> table) {
        Font bold = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Font.getDefault().getSize());
        for (TableColumnBase<S, ?> column : table.getColumns()) {
            Text text = new Text(column.getText() == null ? "" : column.getText());
            text.setFont(bold);
            double needed = Math.ceil(text.getLayoutBounds().getWidth() + PADDING);
            column.setMinWidth(Math.max(column.getMinWidth(), needed));
        }
        return table;
    }
}
