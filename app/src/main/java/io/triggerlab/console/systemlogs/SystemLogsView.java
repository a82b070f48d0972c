package io.triggerlab.console.systemlogs;

import io.triggerlab.console.common.TextColumns;
import io.triggerlab.engine.observe.systemlog.SystemLogLevel;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Objects;

/** The "System logs" tab. Only builds nodes and binds them to {@link SystemLogsViewModel}. */
public final class SystemLogsView {

    private final SystemLogsViewModel viewModel;
    private final VBox root = new VBox(10);

    public SystemLogsView(SystemLogsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        root.setId("system-logs");
        Label title = new Label("System logs");
        title.getStyleClass().add("section-heading");
        Label hint = new Label("What AWS's event poller writes to the function's log group for a Kafka trigger with a "
                + "LoggingConfig, in AWS's JSON, one log stream per day named YYYY/MM/DD/<UUID>. Also: "
                + "triggerlab logs <UUID> --follow.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        Label configured = new Label();
        configured.setId("system-logs-configured");
        configured.setWrapText(true);
        configured.textProperty().bind(viewModel.configuredProperty());
        Label error = new Label();
        error.setId("system-logs-error");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorMessageProperty());
        error.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        TableView<SystemLogRow> table = table();
        TextArea json = new TextArea();
        json.setId("system-logs-json");
        json.setEditable(false);
        json.setWrapText(true);
        json.setPrefRowCount(4);
        json.getStyleClass().add("mono");
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> json.setText(is == null ? "" : is.json()));
        VBox.setVgrow(table, Priority.ALWAYS);
        // The table takes what height is left; the wrapped texts above it keep all their lines.
        for (Label text : List.of(hint, configured, error)) {
            text.setMinHeight(Region.USE_PREF_SIZE);
        }
        root.getChildren().addAll(title, hint, configured, filterRow(), error, table, json);
    }

    public Node root() {
        return root;
    }

    private Node filterRow() {
        ChoiceBox<SystemLogLevel> level = new ChoiceBox<>();
        level.setId("system-logs-level");
        level.getItems().setAll(SystemLogLevel.DEBUG, SystemLogLevel.INFO, SystemLogLevel.WARN);
        level.setConverter(new StringConverter<>() {
            @Override
            public String toString(SystemLogLevel l) {
                return l == null ? "" : switch (l) {
                    case DEBUG -> "DEBUG and lower (all)";
                    case INFO -> "INFO and WARN";
                    case WARN -> "WARN only";
                };
            }

            @Override
            public SystemLogLevel fromString(String text) {
                throw new UnsupportedOperationException("The choice box is not editable");
            }
        });
        level.valueProperty().bindBidirectional(viewModel.levelProperty());
        Label stream = new Label();
        stream.setId("system-logs-stream");
        stream.textProperty().bind(viewModel.streamNameProperty().map(s -> s.isEmpty() ? "" : "Log stream: " + s));
        HBox row = new HBox(8, new Label("Show"), level, stream);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private TableView<SystemLogRow> table() {
        TableView<SystemLogRow> table = new TableView<>(viewModel.rows());
        table.setId("system-logs-table");
        // The columns share the page's width (Details gives way first), so at 1024 px nothing runs off the window.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No system log events."));
        table.getColumns().add(TextColumns.of("Time", SystemLogRow::time, 170));
        table.getColumns().add(TextColumns.of("logLevel", SystemLogRow::level, 70));
        table.getColumns().add(TextColumns.of("eventType", SystemLogRow::eventType, 180));
        table.getColumns().add(TextColumns.of("Details", SystemLogRow::summary, 520));
        return io.triggerlab.console.common.TableHeaders.fit(table);
    }
}
