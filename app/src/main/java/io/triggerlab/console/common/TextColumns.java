package io.triggerlab.console.common;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

import java.util.function.Function;

/** Read-only text columns for the console's tables: a header and what each row shows in it. */
public final class TextColumns {

    private TextColumns() {
    }

    public static <S> TableColumn<S, String> of(String title, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    public static <S> TableColumn<S, String> of(String title, Function<S, String> value, double width) {
        TableColumn<S, String> column = of(title, value);
        column.setPrefWidth(width);
        return column;
    }
}
