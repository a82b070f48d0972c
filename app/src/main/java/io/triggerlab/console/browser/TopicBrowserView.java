package io.triggerlab.console.browser;

import io.triggerlab.console.common.TextColumns;
import io.triggerlab.console.common.TableHeaders;
import io.triggerlab.console.inspector.BytesDetail;
import io.triggerlab.console.inspector.BytesPane;
import io.triggerlab.console.inspector.HeaderRow;
import io.triggerlab.console.inspector.RecordRow;
import io.triggerlab.console.inspector.ValueMode;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Objects;

/** The topic browser's window: what to read on top, the records found, and the selected one's decoded bytes. */
public final class TopicBrowserView {

    private final TopicBrowserViewModel viewModel;
    private final RecordActionsViewModel actions;
    private final BorderPane root = new BorderPane();
    /** Held here: a binding only its own listener refers to would be collected (bindings listen weakly). */
    private ObjectBinding<BytesDetail> value;
    private ObjectBinding<BytesDetail> key;
    private ObjectBinding<BytesDetail> headerBytes;

    public TopicBrowserView(TopicBrowserViewModel viewModel, RecordActionsViewModel actions) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.actions = Objects.requireNonNull(actions, "actions");
        root.setId("topic-browser");
        root.getStyleClass().add("producer");
        root.setTop(form());
        root.setCenter(content());
        Button close = new Button("Close");
        close.setId("browse-close");
        close.setCancelButton(true);
        close.setOnAction(e -> root.getScene().getWindow().hide());
        HBox bottom = new HBox(close);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        root.setBottom(bottom);
    }

    public Parent root() {
        return root;
    }

    private Node form() {
        ComboBox<String> topic = new ComboBox<>(viewModel.topics());
        topic.setId("browse-topic");
        topic.setEditable(true);
        topic.setPromptText("Topic");
        topic.getEditor().textProperty().bindBidirectional(viewModel.topicProperty());
        topic.valueProperty().addListener((o, was, is) -> {
            if (is != null) {
                viewModel.topicProperty().set(is);
            }
        });
        TextField partition = field("browse-partition", "All partitions", viewModel.partitionProperty(), 110);
        TextField from = field("browse-from", "Offset, or 2026-01-31 09:30:00", viewModel.fromProperty(), 210);
        TextField limit = field("browse-limit", "100", viewModel.limitProperty(), 60);
        CheckBox newest = new CheckBox("Newest first");
        newest.setId("browse-newest");
        newest.selectedProperty().bindBidirectional(viewModel.newestFirstProperty());
        Button read = new Button("Read");
        read.setId("browse-read");
        read.setDefaultButton(true);
        read.getStyleClass().add("primary");
        read.setOnAction(e -> viewModel.read());
        HBox row = new HBox(8, topic, partition, from, newest, new Label("at most"), limit, read);
        row.setAlignment(Pos.CENTER_LEFT);
        TextField search = field("browse-search", "Find in keys, values and headers", viewModel.searchProperty(), 260);
        Label summary = new Label();
        summary.setId("browse-summary");
        summary.getStyleClass().add("hint");
        summary.textProperty().bind(viewModel.summaryProperty());
        Label error = new Label();
        error.setId("browse-error");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        HBox findRow = new HBox(8, search, summary);
        findRow.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("Reads without a consumer group and commits nothing: no trigger's position moves. "
                + "(TriggerLab extra: the Lambda console has no topic browser.)");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        return new VBox(8, row, findRow, error, hint);
    }

    private Node content() {
        ChoiceBox<ValueMode> mode = new ChoiceBox<>();
        mode.setId("browse-value-mode");
        mode.getItems().setAll(ValueMode.values());
        mode.setValue(ValueMode.JSON);
        TableView<RecordRow> records = new TableView<>(viewModel.records());
        records.setId("browse-records");
        records.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        records.getColumns().add(TextColumns.of("Partition", RecordRow::topicPartition, 110));
        records.getColumns().add(TextColumns.of("Offset", r -> String.valueOf(r.offset()), 60));
        records.getColumns().add(TextColumns.of("Time", RecordRow::timestamp, 150));
        records.getColumns().add(TextColumns.of("Key", r -> r.keyPreview(mode.getValue()), 90));
        records.getColumns().add(TextColumns.of("Value", r -> r.valuePreview(mode.getValue()), 260));
        records.getColumns().add(TextColumns.of("Size", RecordRow::size, 70));
        records.getColumns().add(TextColumns.of("Hdrs", r -> String.valueOf(r.headers().size()), 45));
        TableHeaders.fit(records);
        mode.valueProperty().addListener((o, was, is) -> records.refresh());
        var selected = records.getSelectionModel().selectedItemProperty();
        selected.addListener((o, was, is) -> actions.selectedProperty().set(viewModel.stored(is).orElse(null)));

        TableView<HeaderRow> headers = new TableView<>();
        headers.setId("browse-headers");
        headers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        headers.getColumns().add(TextColumns.<HeaderRow>of("Header", HeaderRow::name));
        headers.getColumns().add(TextColumns.<HeaderRow>of("Size", HeaderRow::size));
        headers.getColumns().add(TextColumns.<HeaderRow>of("Decoded (UTF-8)", HeaderRow::text));
        headers.getColumns().add(TextColumns.<HeaderRow>of("Raw signed bytes", HeaderRow::raw));
        TableHeaders.fit(headers);
        headers.setPrefHeight(100);
        selected.addListener((o, was, is) -> headers.getItems().setAll(is == null ? java.util.List.of() : is.headers()));
        var header = headers.getSelectionModel().selectedItemProperty();

        value = Bindings.createObjectBinding(() -> selected.get() == null ? BytesDetail.NONE
                : selected.get().value() == null ? BytesDetail.absent("(no value: a tombstone)")
                : BytesDetail.of(selected.get().value(), mode.getValue()), selected, mode.valueProperty());
        key = Bindings.createObjectBinding(() -> selected.get() == null ? BytesDetail.NONE
                : selected.get().key() == null ? BytesDetail.absent("(no key)")
                : BytesDetail.of(selected.get().key(), mode.getValue()), selected, mode.valueProperty());
        headerBytes = Bindings.createObjectBinding(() -> header.get() == null
                || header.get().bytes() == null ? BytesDetail.absent("Select a header to see its bytes.")
                : BytesDetail.of(header.get().bytes(), mode.getValue()), header, mode.valueProperty());
        Tab valueTab = new Tab("Value", new BytesPane("browse-value", value).root());
        Tab keyTab = new Tab("Key", new BytesPane("browse-key", key).root());
        Tab headerTab = new Tab("Header", new BytesPane("browse-header", headerBytes).root());
        TabPane detail = new TabPane(valueTab, keyTab, headerTab);
        detail.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        header.addListener((o, was, is) -> {
            if (is != null) {
                detail.getSelectionModel().select(headerTab);
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox modeRow = new HBox(8, spacer, new Label("Show keys and values as"), mode);
        modeRow.setAlignment(Pos.CENTER_LEFT);
        SplitPane split = new SplitPane(records, headers, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45, 0.62);
        VBox box = new VBox(6, modeRow, split, new RecordActionsView(actions).root());
        VBox.setVgrow(split, Priority.ALWAYS);
        return box;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty property, double width) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefWidth(width);
        field.textProperty().bindBidirectional(property);
        return field;
    }
}
