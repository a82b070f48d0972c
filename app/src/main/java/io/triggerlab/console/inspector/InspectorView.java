package io.triggerlab.console.inspector;

import io.triggerlab.console.common.TextColumns;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import io.triggerlab.console.common.FileDialogs;
import io.triggerlab.console.common.TableHeaders;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.Objects;
import java.util.function.Function;

/**
 * The invocation inspector: the event JSON sent (monospace, copyable) side by side with the decoded records and the
 * selected record's headers, key and value; the function's response and logs below.
 */
public final class InspectorView {

    private static final double RECORDS_MIN_HEIGHT = 30 + 24;
    /** The tab headers, the size line and the bytes' minimum ({@link BytesPane}). */
    private static final double DETAIL_MIN_HEIGHT = 32 + 22 + 34;

    private final InspectorViewModel viewModel;
    private final StackPane root = new StackPane();

    public InspectorView(InspectorViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        root.setId("inspector");
        Label empty = new Label("Select an invocation to see the event it sent, its records and headers, and what "
                + "the function answered.");
        empty.getStyleClass().add("placeholder");
        empty.setWrapText(true);
        empty.visibleProperty().bind(viewModel.loadedProperty().not());
        Node content = content();
        content.visibleProperty().bind(viewModel.loadedProperty());
        root.getChildren().addAll(empty, content);
    }

    public Node root() {
        return root;
    }

    private Node content() {
        SplitPane middle = new SplitPane(outputTabs(), recordsPane());
        middle.setDividerPositions(0.38);
        BorderPane pane = new BorderPane(middle);
        pane.setTop(header());
        return pane;
    }

    private Node header() {
        Label title = bound(new Label(), viewModel.titleProperty());
        title.setId("inspector-title");
        title.getStyleClass().add("section-heading");
        Label details = bound(new Label(), viewModel.detailsProperty());
        details.getStyleClass().add("hint");
        details.setWrapText(true);
        title.setWrapText(true);
        Label attempts = bound(new Label(), viewModel.attemptsProperty());
        attempts.setId("inspector-attempts");
        attempts.getStyleClass().add("attempts");
        Button copy = new Button("Copy event");
        copy.setId("copy-event");
        copy.setTooltip(new javafx.scene.control.Tooltip("Copies the event exactly as sent (compact JSON)"));
        copy.disableProperty().bind(viewModel.eventKeptProperty().not());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            // The exact JSON the function received, all of it, whatever part is coloured.
            content.putString(viewModel.eventAsSent());
            Clipboard.getSystemClipboard().setContent(content);
            viewModel.copied();
        });
        Button export = new Button("Export test event…");
        export.setId("export-event");
        export.disableProperty().bind(viewModel.eventKeptProperty().not());
        export.setOnAction(e -> chooseExportFile(export));
        Button replay = new Button("Replay");
        replay.setId("replay-invocation");
        replay.setTooltip(new Tooltip("Send this exact event to the function again, now, once: no retries, no offsets "
                + "committed. The replay gets its own row in the table."));
        replay.disableProperty().bind(viewModel.replayableProperty().not().or(viewModel.replayingProperty()));
        replay.setOnAction(e -> viewModel.replay());
        ProgressIndicator replaying = new ProgressIndicator();
        replaying.setId("replay-progress");
        replaying.setPrefSize(18, 18);
        replaying.visibleProperty().bind(viewModel.replayingProperty());
        replaying.managedProperty().bind(replaying.visibleProperty());
        copy.setMinWidth(Region.USE_PREF_SIZE);
        export.setMinWidth(Region.USE_PREF_SIZE);
        replay.setMinWidth(Region.USE_PREF_SIZE);
        // The buttons share a line with the title only: the details below get the pane's whole width, so on a
        // narrow window they take one or two lines instead of four.
        title.setMinWidth(0);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(10, title, copy, export, replaying, replay);
        row.setAlignment(Pos.CENTER_LEFT);
        Label status = shownWhenSet(bound(new Label(), viewModel.statusMessageProperty()));
        status.setId("inspector-status");
        status.getStyleClass().add("hint");
        Label error = shownWhenSet(bound(new Label(), viewModel.errorMessageProperty()));
        error.setId("inspector-error");
        error.getStyleClass().add("inline-error");
        VBox header = new VBox(4, row, details, attempts, status, error);
        header.getStyleClass().add("inspector-header");
        return header;
    }

    private void chooseExportFile(Node owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the event as a test event");
        chooser.setInitialFileName(viewModel.suggestedExportName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON event", "*.json"));
        chooser.setInitialDirectory(FileDialogs.initialDirectory(owner));
        File file = chooser.showSaveDialog(owner.getScene().getWindow());
        if (file != null) {
            FileDialogs.remember(owner, file);
            viewModel.exportEvent(file.toPath());
        }
    }

    /** The event sent, the function's answer and its logs, one tab each beside the records. */
    private Node outputTabs() {
        Node event = eventPane();
        TextArea response = monospace("inspector-response");
        response.setWrapText(true);
        response.textProperty().bind(viewModel.responseProperty());
        TextArea logs = monospace("inspector-logs");
        logs.setWrapText(true);
        logs.textProperty().bind(viewModel.logsProperty());
        // Short titles, so the three tabs fit beside the records at 1024 px; the tooltips say the rest.
        Tab eventTab = new Tab("Event", event);
        eventTab.setId("tab-event");
        eventTab.setTooltip(new Tooltip("The event sent, pretty-printed; Export writes the exact bytes sent"));
        Tab responseTab = new Tab("Response", response);
        responseTab.setId("tab-response");
        responseTab.setTooltip(new Tooltip("What the function answered, or its error"));
        Tab logsTab = new Tab("Logs", logs);
        logsTab.setId("tab-logs");
        logsTab.setTooltip(new Tooltip("The function's logs for this invocation"));
        TabPane tabs = new TabPane(eventTab, responseTab, logsTab);
        tabs.setId("inspector-output");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    /**
     * The event, syntax-coloured in a virtualized line list; "Plain text" swaps in a text area whose text can be
     * selected in part. The text area gets the event only while it is shown: a text area lays out all its text, which
     * for a 6 MB event takes seconds, and most people never tick it.
     */
    private Node eventPane() {
        ColouredJsonView coloured = new ColouredJsonView("inspector-event-coloured");
        coloured.setOnCopied(viewModel::copiedLines);
        viewModel.eventColouredProperty().addListener((o, was, is) -> coloured.show(is));
        coloured.show(viewModel.eventColouredProperty().get());
        TextArea plain = monospace("inspector-event");
        javafx.scene.control.CheckBox plainText = new javafx.scene.control.CheckBox("Plain text");
        plainText.setId("inspector-event-plain");
        plainText.setTooltip(new Tooltip("Show the event as plain text, to select part of a line"));
        plainText.setMinWidth(Region.USE_PREF_SIZE);
        Runnable fillPlain = () -> plain.setText(plainText.isSelected() ? viewModel.eventJsonProperty().get() : "");
        plainText.selectedProperty().addListener((o, was, is) -> fillPlain.run());
        viewModel.eventJsonProperty().addListener((o, was, is) -> fillPlain.run());
        plain.visibleProperty().bind(plainText.selectedProperty());
        coloured.root().visibleProperty().bind(plainText.selectedProperty().not());
        Label note = shownWhenSet(bound(new Label(), viewModel.eventColourNoteProperty()));
        note.setId("inspector-event-note");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.setTooltip(new javafx.scene.control.Tooltip("Copy event copies the event exactly as sent, on one line"));
        note.visibleProperty().unbind();
        note.visibleProperty().bind(note.textProperty().isNotEmpty().and(plainText.selectedProperty().not()));
        // The note goes under the check box, where it can wrap instead of being cut on a narrow window.
        VBox bar = new VBox(4, plainText, note);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("event-bar");
        BorderPane pane = new BorderPane(new StackPane(plain, coloured.root()));
        pane.setTop(bar);
        return pane;
    }

    private static Label shownWhenSet(Label label) {
        label.setWrapText(true);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private Node recordsPane() {
        ChoiceBox<ValueMode> mode = new ChoiceBox<>();
        mode.setId("value-mode");
        mode.getItems().setAll(ValueMode.values());
        mode.valueProperty().bindBidirectional(viewModel.valueModeProperty());
        Label heading = new Label("Records");
        heading.getStyleClass().add("section-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label showAs = new Label("Show as");
        showAs.setTooltip(new Tooltip("How keys and values are shown in the table and the Value and Key tabs"));
        HBox top = new HBox(8, heading, spacer, showAs, mode);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<RecordRow> records = new TableView<>(viewModel.records());
        records.setId("inspector-records");
        // At 700 px the records give way to the detail tabs below, down to one row; the table scrolls.
        records.setMinHeight(RECORDS_MIN_HEIGHT);
        records.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        records.getColumns().add(TextColumns.of("Partition", RecordRow::topicPartition, 110));
        records.getColumns().add(TextColumns.of("Offset", r -> String.valueOf(r.offset()), 50));
        records.getColumns().add(TextColumns.of("Time", r -> r.timestamp().length() > 11 ? r.timestamp().substring(11)
                : r.timestamp(), 90));
        records.getColumns().add(TextColumns.of("Key", r -> r.keyPreview(viewModel.valueModeProperty().get()), 80));
        records.getColumns().add(TextColumns.of("Value", r -> r.valuePreview(viewModel.valueModeProperty().get()), 190));
        records.getColumns().add(TextColumns.of("Size", RecordRow::size, 60));
        records.getColumns().add(TextColumns.of("Hdrs", r -> String.valueOf(r.headers().size()), 40));
        viewModel.valueModeProperty().addListener((o, was, is) -> records.refresh());
        TableHeaders.fit(records);
        records.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                viewModel.selectedRecordProperty().set(is);
            }
        });
        viewModel.selectedRecordProperty().addListener((o, was, is) -> {
            if (is != null && records.getSelectionModel().getSelectedItem() != is) {
                records.getSelectionModel().select(is);
            }
        });

        TableView<HeaderRow> headers = new TableView<>(viewModel.headers());
        headers.setId("inspector-headers");
        headers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        headers.getColumns().add(TextColumns.<HeaderRow>of("Header", HeaderRow::name));
        headers.getColumns().add(TextColumns.<HeaderRow>of("Size", HeaderRow::size));
        headers.getColumns().add(TextColumns.<HeaderRow>of("Decoded (UTF-8)", HeaderRow::text));
        headers.getColumns().add(TextColumns.<HeaderRow>of("Bytes as sent", HeaderRow::raw));
        Label noHeaders = new Label("This record has no headers.");
        noHeaders.getStyleClass().add("placeholder");
        headers.setPlaceholder(noHeaders);
        TableHeaders.fit(headers);

        // The headers share the detail tabs with the value and the key: three panes stacked under the records left
        // too little height at 700 px for any of them.
        Tab valueTab = new Tab("Value", new BytesPane("inspector-value", viewModel.valueDetailProperty()).root());
        valueTab.setId("tab-record-value");
        Tab keyTab = new Tab("Key", new BytesPane("inspector-key", viewModel.keyDetailProperty()).root());
        keyTab.setId("tab-record-key");
        SplitPane headerPanes = new SplitPane(headers,
                new BytesPane("inspector-header", viewModel.headerDetailProperty()).root());
        headerPanes.setOrientation(Orientation.VERTICAL);
        headerPanes.setDividerPositions(0.45);
        Tab headerTab = new Tab("Headers", headerPanes);
        headerTab.setId("tab-record-header");
        headerTab.textProperty().bind(javafx.beans.binding.Bindings.size(viewModel.headers())
                .asString("Headers (%d)"));
        TabPane detail = new TabPane(valueTab, keyTab, headerTab);
        Label schemaNote = new Label();
        schemaNote.setId("inspector-schema-note");
        schemaNote.getStyleClass().add("hint");
        schemaNote.setWrapText(true);
        // the whole note, on as many lines as it takes: a cut-off note would hide the subject
        schemaNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        schemaNote.textProperty().bind(viewModel.schemaNoteProperty());
        schemaNote.visibleProperty().bind(viewModel.schemaNoteProperty().isNotEmpty());
        schemaNote.managedProperty().bind(schemaNote.visibleProperty());
        Label rawBytes = new Label();
        rawBytes.setId("inspector-raw-bytes");
        rawBytes.getStyleClass().add("mono");
        rawBytes.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        rawBytes.textProperty().bind(viewModel.rawBytesProperty());
        rawBytes.visibleProperty().bind(viewModel.rawBytesProperty().isNotEmpty());
        rawBytes.managedProperty().bind(rawBytes.visibleProperty());
        detail.setId("record-detail");
        // A tab pane reports a minimum without its content's: said here, the split panes above keep room for a line
        // or two of the bytes instead of cutting them off at a small window's bottom edge.
        detail.setMinHeight(DETAIL_MIN_HEIGHT);
        detail.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        headers.getSelectionModel().selectedItemProperty().addListener((o, was, is) ->
                viewModel.selectedHeaderProperty().set(is));

        VBox detailBox = new VBox(4, schemaNote, rawBytes, detail);
        VBox.setVgrow(detail, Priority.ALWAYS);
        SplitPane split = new SplitPane(records, detailBox);
        split.setId("inspector-record-split");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        // A smaller window takes its height from the records (which scroll), not from the detail tabs below them.
        SplitPane.setResizableWithParent(detailBox, false);
        VBox box = new VBox(4, top, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        return box;
    }

    private static TextArea monospace(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().add("mono");
        return area;
    }

    private static Label bound(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        return label;
    }
}
