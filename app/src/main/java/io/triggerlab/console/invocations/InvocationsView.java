package io.triggerlab.console.invocations;

import io.triggerlab.engine.observe.history.InvocationOutcome;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.collections.ListChangeListener;

import java.util.Objects;
import java.util.function.Function;

/**
 * The invocations table with its outcome filter, search, "Group attempts" and "Load older". It stays one flat,
 * virtualized TableView: a retried batch's line toggles its attempt lines (click its Attempt cell, or Right / Left on
 * the selected line), so paging simply appends rows and the grouping is the ViewModel's.
 */
public final class InvocationsView {

    /** The table never gets less than four rows (twice what 1024×700 showed before) of height, whatever the divider above the inspector says. */
    private static final double TABLE_MIN_HEIGHT = 30 + 4 * 24 + 6;
    private static final double SEARCH_MIN_WIDTH = 100;
    private static final double SUMMARY_MIN_WIDTH = 90;

    private final InvocationsViewModel viewModel;
    private final BorderPane root = new BorderPane();

    public InvocationsView(InvocationsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        root.setId("invocations");
        root.setTop(toolbar());
        root.setCenter(table());
    }

    public Node root() {
        return root;
    }

    private Node toolbar() {
        ChoiceBox<OutcomeFilter> filter = new ChoiceBox<>();
        filter.setId("outcome-filter");
        filter.getItems().setAll(OutcomeFilter.choices());
        filter.valueProperty().bindBidirectional(viewModel.filterProperty());
        TextField search = new TextField();
        search.setId("invocation-search");
        search.setPromptText("Search request id, partition, error…");
        search.setPrefColumnCount(16);
        // Narrower than this the prompt reads "Sear": the summary beside it wraps onto two lines instead.
        search.setMinWidth(SEARCH_MIN_WIDTH);
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        HBox.setHgrow(search, Priority.SOMETIMES);
        CheckBox group = new CheckBox("Group attempts");
        group.setId("group-attempts");
        group.setTooltip(new Tooltip("One line per retried batch, at its newest attempt; click \"N attempts\" to see them all"));
        group.selectedProperty().bindBidirectional(viewModel.groupedProperty());
        group.setMinWidth(Region.USE_PREF_SIZE);
        Label summary = new Label();
        summary.setId("invocation-summary");
        summary.setMinWidth(SUMMARY_MIN_WIDTH);
        summary.setWrapText(true);
        summary.getStyleClass().add("hint");
        summary.textProperty().bind(viewModel.summaryProperty());
        Label error = new Label();
        error.getStyleClass().add("inline-error");
        error.textProperty().bind(viewModel.errorMessageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button older = new Button("Load older");
        older.setId("load-older");
        older.disableProperty().bind(viewModel.moreAvailableProperty().not().or(viewModel.loadingProperty()));
        older.setOnAction(e -> viewModel.loadOlder());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> viewModel.reload());
        // The search field and the summary give way on a narrow window (down to their minimum); the controls keep
        // their words.
        older.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        filter.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, filter, search, group, summary, error, spacer, refresh, older);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar-row");
        return bar;
    }

    private Node table() {
        TableView<InvocationLine> table = new TableView<>(viewModel.lines());
        table.setId("invocation-table");
        table.setMinHeight(TABLE_MIN_HEIGHT);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("Time", InvocationRow::time, 95));
        table.getColumns().add(column("Partitions @ offsets", InvocationRow::partitions, 220));
        table.getColumns().add(column("Records", r -> String.valueOf(r.records()), 60));
        table.getColumns().add(column("Size", InvocationRow::size, 70));
        TableColumn<InvocationLine, InvocationLine> attempt = new TableColumn<>("Attempt");
        attempt.setPrefWidth(95);
        attempt.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        attempt.setCellFactory(ignored -> new AttemptCell(viewModel));
        table.getColumns().add(attempt);
        table.getColumns().add(column("Duration", InvocationRow::duration, 70));
        TableColumn<InvocationLine, InvocationLine> outcome = new TableColumn<>("Outcome");
        outcome.setPrefWidth(120);
        outcome.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        outcome.setCellFactory(ignored -> new OutcomeCell());
        table.getColumns().add(outcome);
        table.setRowFactory(ignored -> new LineRow());
        Label placeholder = new Label("No invocations yet. Produce records to the trigger's topic (Ctrl+P).");
        placeholder.getStyleClass().add("placeholder");
        table.setPlaceholder(placeholder);
        io.triggerlab.console.common.TableHeaders.fit(table);
        table.setOnKeyPressed(e -> {
            InvocationLine line = table.getSelectionModel().getSelectedItem();
            if (line != null && line.isGroup() && (e.getCode() == KeyCode.RIGHT
                    && line.kind() == InvocationLine.Kind.GROUP_COLLAPSED
                    || e.getCode() == KeyCode.LEFT && line.kind() == InvocationLine.Kind.GROUP_EXPANDED)) {
                viewModel.toggle(line);
                e.consume();
            }
        });
        bindSelection(table);
        return table;
    }

    /**
     * The ViewModel's selected invocation and the table's selected line follow each other. Rebuilding the lines (a
     * live arrival, a group opened) clears the table's selection for a moment; that must not clear the inspector, so
     * the selection is put back on the line of the same invocation.
     */
    private void bindSelection(TableView<InvocationLine> table) {
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                viewModel.selectedProperty().set(is.row());
            } else if (indexOf(table, viewModel.selectedProperty().get()) < 0) {
                viewModel.selectedProperty().set(null);
            }
        });
        viewModel.lines().addListener((ListChangeListener<InvocationLine>) change -> reselect(table));
        viewModel.selectedProperty().addListener((o, was, is) -> reselect(table));
    }

    private void reselect(TableView<InvocationLine> table) {
        int index = indexOf(table, viewModel.selectedProperty().get());
        if (index < 0) {
            table.getSelectionModel().clearSelection();
        } else if (table.getSelectionModel().getSelectedIndex() != index) {
            table.getSelectionModel().clearAndSelect(index);
        }
    }

    private static int indexOf(TableView<InvocationLine> table, InvocationRow row) {
        if (row == null) {
            return -1;
        }
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).row().id() == row.id()) {
                return i;
            }
        }
        return -1;
    }

    private static TableColumn<InvocationLine, String> column(String title, Function<InvocationRow, String> value,
                                                              double width) {
        TableColumn<InvocationLine, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue().row())));
        return column;
    }

    /** Retries tinted; attempts under an open group indented and quieter. */
    private static final class LineRow extends TableRow<InvocationLine> {
        @Override
        protected void updateItem(InvocationLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("retry-row", "attempt-row", "group-row");
            if (empty || line == null) {
                return;
            }
            if (line.kind() == InvocationLine.Kind.ATTEMPT) {
                getStyleClass().add("attempt-row");
            } else if (line.isGroup()) {
                getStyleClass().add("group-row");
            } else if (line.row().attempt() > 1) {
                getStyleClass().add("retry-row");
            }
        }
    }

    /** "▸ 3 attempts" on a retried batch's line; a click opens or closes the group. */
    private static final class AttemptCell extends TableCell<InvocationLine, InvocationLine> {
        AttemptCell(InvocationsViewModel viewModel) {
            setOnMouseClicked(e -> {
                InvocationLine line = getItem();
                if (line != null && line.isGroup()) {
                    viewModel.toggle(line);
                }
            });
        }

        @Override
        protected void updateItem(InvocationLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("attempt-toggle");
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(line.attemptText());
            if (line.isGroup()) {
                getStyleClass().add("attempt-toggle");
            }
        }
    }

    private static final class OutcomeCell extends TableCell<InvocationLine, InvocationLine> {
        @Override
        protected void updateItem(InvocationLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("outcome-success", "outcome-failure");
            if (empty || line == null) {
                setText(null);
                return;
            }
            InvocationRow row = line.row();
            setText(row.outcomeText());
            getStyleClass().add(row.outcome() == InvocationOutcome.SUCCESS ? "outcome-success" : "outcome-failure");
        }
    }
}
