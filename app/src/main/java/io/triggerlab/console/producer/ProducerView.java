package io.triggerlab.console.producer;

import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import io.triggerlab.console.common.FileDialogs;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.Objects;

/** The "Produce test records" panel. Only builds nodes and binds them to {@link ProducerViewModel}. */
public final class ProducerView {

    private final ProducerViewModel viewModel;
    private final VBox root = new VBox(12);
    private final VBox headerRows = new VBox(6);

    public ProducerView(ProducerViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        root.setId("producer");
        root.getStyleClass().add("producer");
        Label title = new Label("Produce test records");
        title.getStyleClass().add("page-title");
        Label hint = new Label("Sends records to the cluster in use. " + ProducerViewModel.NUMBER_PLACEHOLDER
                + " in the key, value or a header value becomes the record number (1..count).");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        root.getChildren().addAll(title, hint, form(), schemaSection(), headersSection(), sendRow());
        viewModel.headers().addListener((ListChangeListener<HeaderEntry>) c -> rebuildHeaderRows());
        rebuildHeaderRows();
    }

    public Parent root() {
        return root;
    }

    private Node form() {
        ComboBox<String> topic = new ComboBox<>(viewModel.topicSuggestions());
        topic.setId("produce-topic");
        topic.setEditable(true);
        topic.setMaxWidth(Double.MAX_VALUE);
        topic.setPromptText("Topic");
        topic.getEditor().textProperty().bindBidirectional(viewModel.topicProperty());
        topic.valueProperty().addListener((o, was, is) -> {
            if (is != null) {
                viewModel.topicProperty().set(is);
            }
        });
        TextField key = field("produce-key", "No key", viewModel.keyProperty());
        ChoiceBox<ValueSource> source = new ChoiceBox<>();
        source.setId("produce-value-source");
        source.getItems().setAll(ValueSource.values());
        source.valueProperty().bindBidirectional(viewModel.valueSourceProperty());
        TextArea value = new TextArea();
        value.setId("produce-value");
        value.getStyleClass().add("mono");
        value.setPrefRowCount(6);
        value.setPromptText("{\"orderId\": {n}, \"amount\": 42.5}");
        value.textProperty().bindBidirectional(viewModel.valueProperty());
        BooleanBinding fromFile = viewModel.valueSourceProperty().isEqualTo(ValueSource.FILE);
        value.visibleProperty().bind(fromFile.not());
        value.managedProperty().bind(fromFile.not());
        TextField file = field("produce-file", "The file's bytes become the value", viewModel.fileProperty());
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialDirectory(FileDialogs.initialDirectory(root));
            File chosen = chooser.showOpenDialog(root.getScene().getWindow());
            if (chosen != null) {
                FileDialogs.remember(root, chosen);
                viewModel.fileProperty().set(chosen.getAbsolutePath());
            }
        });
        HBox fileRow = new HBox(6, file, browse);
        Label problem = new Label();
        problem.setId("produce-value-problem");
        problem.getStyleClass().add("inline-error");
        problem.setWrapText(true);
        problem.textProperty().bind(viewModel.valueProblemProperty());
        problem.visibleProperty().bind(viewModel.valueProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        fileRow.visibleProperty().bind(fromFile);
        fileRow.managedProperty().bind(fromFile);
        TextField partition = field("produce-partition", "Any (by key)", viewModel.partitionProperty());
        TextField count = field("produce-count", "1", viewModel.countProperty());
        TextField rate = field("produce-rate", "As fast as possible", viewModel.rateProperty());
        Label perSecond = new Label("records/s");
        HBox rateRow = new HBox(6, rate, perSecond);
        rateRow.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, name("Topic"), topic);
        grid.addRow(1, name("Key"), key);
        grid.addRow(2, name("Value"), source);
        grid.add(new VBox(6, value, problem, fileRow), 1, 3);
        grid.addRow(4, name("Partition"), partition);
        grid.addRow(5, name("Count"), count);
        grid.addRow(6, name("Rate"), rateRow);
        GridPane.setHgrow(topic, Priority.ALWAYS);
        return grid;
    }

    /** Encoding with a schema: the registry, the subject, and optionally a schema to register under it. */
    private Node schemaSection() {
        SchemaChoice schema = viewModel.schema();
        ChoiceBox<ValueEncoding> encoding = new ChoiceBox<>();
        encoding.setId("produce-encoding");
        encoding.getItems().setAll(ValueEncoding.values());
        encoding.valueProperty().bindBidirectional(schema.encodingProperty());
        TextField registry = field("produce-registry", "http://… or arn:aws:glue:…:registry/…", schema.registryProperty());
        ComboBox<String> subject = new ComboBox<>(schema.subjectSuggestions());
        subject.setId("produce-subject");
        subject.setEditable(true);
        subject.setMaxWidth(Double.MAX_VALUE);
        subject.setPromptText("orders-value (for Glue: the schema version id)");
        subject.getEditor().textProperty().bindBidirectional(schema.subjectProperty());
        subject.valueProperty().addListener((o, was, is) -> {
            if (is != null) {
                schema.subjectProperty().set(is);
            }
        });
        TextArea text = new TextArea();
        text.setId("produce-schema");
        text.getStyleClass().add("mono");
        text.setPrefRowCount(4);
        text.setPromptText("Paste a schema to register it under the subject; leave empty to use its latest version");
        text.textProperty().bindBidirectional(schema.schemaTextProperty());
        Label framing = new Label("The value is written as JSON, encoded with the schema and framed as the registry's "
                + "serializer does: Confluent's magic byte and schema id, or Glue's header for a Glue registry.");
        framing.getStyleClass().add("hint");
        framing.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, name("Registry"), registry);
        grid.addRow(1, name("Subject"), subject);
        grid.addRow(2, name("Schema"), text);
        GridPane.setHgrow(registry, Priority.ALWAYS);
        VBox details = new VBox(6, grid, framing);
        BooleanBinding encodes = schema.encodingProperty().isNotEqualTo(ValueEncoding.NONE);
        details.visibleProperty().bind(encodes);
        details.managedProperty().bind(encodes);
        HBox top = new HBox(10, name("Schema encoding"), encoding);
        top.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, top, details);
    }

    private Node headersSection() {
        Label heading = new Label("Headers");
        heading.getStyleClass().add("field-name");
        Button add = new Button("Add header");
        add.setId("produce-add-header");
        add.setOnAction(e -> viewModel.addHeader());
        HBox top = new HBox(10, heading, add);
        top.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, top, headerRows);
    }

    private void rebuildHeaderRows() {
        headerRows.getChildren().clear();
        int i = 0;
        for (HeaderEntry header : viewModel.headers()) {
            TextField name = field("produce-header-name-" + i, "name", header.nameProperty());
            TextField value = field("produce-header-value-" + i, "value (UTF-8 text)", header.valueProperty());
            Button remove = new Button("Remove");
            remove.setOnAction(e -> viewModel.removeHeader(header));
            HBox row = new HBox(6, name, value, remove);
            HBox.setHgrow(value, Priority.ALWAYS);
            headerRows.getChildren().add(row);
            i++;
        }
    }

    private Node sendRow() {
        Button send = new Button("Send");
        send.setId("produce-send");
        send.getStyleClass().add("primary");
        send.setDefaultButton(true);
        send.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        send.disableProperty().bind(viewModel.busyProperty().or(viewModel.valueProblemProperty().isNotEmpty()));
        send.setOnAction(e -> viewModel.send());
        Button stop = new Button("Stop");
        stop.setId("produce-stop");
        stop.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        stop.disableProperty().bind(viewModel.busyProperty().not());
        stop.setOnAction(e -> viewModel.stop());
        ProgressBar progress = new ProgressBar();
        progress.setId("produce-progress");
        progress.setPrefWidth(140);
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label progressText = new Label();
        progressText.setId("produce-progress-text");
        progressText.textProperty().bind(viewModel.progressTextProperty());
        progressText.visibleProperty().bind(viewModel.busyProperty());
        progressText.managedProperty().bind(progressText.visibleProperty());
        Label result = new Label();
        result.setId("produce-result");
        result.getStyleClass().add("result-ok");
        result.setWrapText(true);
        result.textProperty().bind(viewModel.resultProperty());
        Label error = new Label();
        error.setId("produce-error");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorMessageProperty());
        error.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Button close = new Button("Close");
        close.setId("produce-close");
        close.setCancelButton(true);
        close.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        close.setOnAction(e -> root.getScene().getWindow().hide());
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(10, send, stop, progress, progressText, result, spacer, close);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, row, error);
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static Label name(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-name");
        return label;
    }
}
