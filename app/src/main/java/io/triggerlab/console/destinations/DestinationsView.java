package io.triggerlab.console.destinations;

import io.triggerlab.console.common.TextColumns;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Objects;

/** The "Destinations" tab: the on-failure deliveries and the selected failure record. Only builds nodes and binds. */
public final class DestinationsView {

    private final DestinationsViewModel viewModel;
    private final BorderPane root = new BorderPane();

    public DestinationsView(DestinationsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        root.setId("destinations");
        root.setTop(header());
        SplitPane split = new SplitPane(table(), detail());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        root.setCenter(split);
    }

    public Node root() {
        return root;
    }

    private Node header() {
        Label title = new Label("On-failure destination");
        title.getStyleClass().add("section-heading");
        Label destination = new Label();
        destination.setId("outbox-destination");
        destination.setWrapText(true);
        destination.textProperty().bind(viewModel.destinationProperty());
        viewModel.hasDestinationProperty().addListener((o, was, is) -> style(destination, is));
        style(destination, viewModel.hasDestinationProperty().get());
        Label summary = new Label();
        summary.setId("outbox-summary");
        summary.getStyleClass().add("hint");
        summary.textProperty().bind(viewModel.summaryProperty());
        Label error = new Label();
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorMessageProperty());
        error.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox header = new VBox(6, title, destination, summary, error);
        header.getStyleClass().add("tab-header");
        return header;
    }

    private static void style(Label label, boolean configured) {
        label.getStyleClass().remove("warning");
        if (!configured) {
            label.getStyleClass().add("warning");
        }
    }

    private Node table() {
        TableView<OutboxRow> table = new TableView<>(viewModel.rows());
        table.setId("outbox-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(TextColumns.of("Time", OutboxRow::time, 135));
        table.getColumns().add(TextColumns.of("Destination", OutboxRow::destination, 340));
        table.getColumns().add(TextColumns.of("Condition", OutboxRow::condition, 170));
        table.getColumns().add(TextColumns.of("Records", r -> String.valueOf(r.records()), 55));
        table.getColumns().add(TextColumns.of("Partitions and offsets", OutboxRow::partitions, 140));
        table.getColumns().add(TextColumns.of("Delivery", r -> r.delivery().label(), 150));
        io.triggerlab.console.common.TableHeaders.fit(table);
        Label none = new Label("Nothing was sent to a destination yet.");
        none.getStyleClass().add("placeholder");
        table.setPlaceholder(none);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                viewModel.selectedProperty().set(is);
            }
        });
        viewModel.selectedProperty().addListener((o, was, is) -> {
            if (is != null && table.getSelectionModel().getSelectedItem() != is) {
                table.getSelectionModel().select(is);
            }
        });
        return table;
    }

    private Node detail() {
        Label note = new Label();
        note.setId("outbox-note");
        note.setWrapText(true);
        note.textProperty().bind(viewModel.recordNoteProperty());
        TextArea json = new TextArea();
        json.setId("outbox-record");
        json.setEditable(false);
        json.getStyleClass().add("mono");
        json.textProperty().bind(viewModel.recordJsonProperty());
        Button copy = new Button("Copy record");
        copy.setId("outbox-copy");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.disableProperty().bind(viewModel.recordJsonProperty().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(viewModel.recordJsonProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Label heading = new Label("Failure record");
        heading.getStyleClass().add("section-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, heading, spacer, copy);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, top, note, json);
        VBox.setVgrow(json, Priority.ALWAYS);
        box.getStyleClass().add("tab-header");
        return box;
    }
}
