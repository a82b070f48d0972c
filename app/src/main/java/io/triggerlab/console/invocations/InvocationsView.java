package io.triggerlab.console.invocations;

import io.triggerlab.engine.history.InvocationOutcome;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.Objects;
import java.util.function.Function;

/** The invocations table (virtualized TableView) with its outcome filter, search and "Load older". */
public final class InvocationsView {

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
        search.setPrefColumnCount(22);
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        HBox.setHgrow(search, Priority.SOMETIMES);
        Label summary = new Label();
        summary.setId("invocation-summary");
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
        HBox bar = new HBox(8, filter, search, summary, error, spacer, refresh, older);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar-row");
        return bar;
    }

    private Node table() {
        TableView<InvocationRow> table = new TableView<>(viewModel.rows());
        table.setId("invocation-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("Time", InvocationRow::time, 95));
        table.getColumns().add(column("Partitions @ offsets", InvocationRow::partitions, 220));
        table.getColumns().add(column("Records", r -> String.valueOf(r.records()), 60));
        table.getColumns().add(column("Size", InvocationRow::size, 70));
        table.getColumns().add(column("Attempt", InvocationRow::attemptText, 75));
        table.getColumns().add(column("Duration", InvocationRow::duration, 70));
        TableColumn<InvocationRow, InvocationRow> outcome = new TableColumn<>("Outcome");
        outcome.setPrefWidth(120);
        outcome.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        outcome.setCellFactory(ignored -> new OutcomeCell());
        table.getColumns().add(outcome);
        table.setRowFactory(ignored -> new TableRow<>() {
            @Override
            protected void updateItem(InvocationRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("retry-row");
                if (!empty && row != null && row.attempt() > 1) {
                    getStyleClass().add("retry-row");
                }
            }
        });
        Label placeholder = new Label("No invocations yet. Produce records to the trigger's topic (Ctrl+P).");
        placeholder.getStyleClass().add("placeholder");
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> viewModel.selectedProperty().set(is));
        viewModel.selectedProperty().addListener((o, was, is) -> {
            if (is == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != is) {
                table.getSelectionModel().select(is);
            }
        });
        return table;
    }

    private static TableColumn<InvocationRow, String> column(String title, Function<InvocationRow, String> value,
                                                             double width) {
        TableColumn<InvocationRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private static final class OutcomeCell extends javafx.scene.control.TableCell<InvocationRow, InvocationRow> {
        @Override
        protected void updateItem(InvocationRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("outcome-success", "outcome-failure");
            if (empty || row == null) {
                setText(null);
                return;
            }
            setText(row.outcomeText());
            getStyleClass().add(row.outcome() == InvocationOutcome.SUCCESS ? "outcome-success" : "outcome-failure");
        }
    }
}
