package io.triggerlab.console.awscheck;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Objects;

/** The "Would this pass on AWS?" tab. Only builds nodes and binds them to {@link AwsCheckViewModel}. */
public final class AwsCheckView {

    static final String READING_LABEL = "TriggerLab's reading of AWS";

    private final AwsCheckViewModel viewModel;
    private final BorderPane root = new BorderPane();

    public AwsCheckView(AwsCheckViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        root.setId("aws-check");
        root.getStyleClass().add("aws-check");
        root.setTop(header());
        root.setCenter(findingsList());
    }

    public Node root() {
        return root;
    }

    private Node header() {
        Label title = new Label("Would this pass on AWS?");
        title.getStyleClass().add("section-heading");
        Label hint = new Label("Every setting of this trigger and its function that AWS would reject, or that works "
                + "differently there than here. TriggerLab accepts several of them so you can watch them work.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        Button again = new Button("Check again");
        again.setId("aws-check-again");
        again.setMinWidth(Region.USE_PREF_SIZE);
        again.disableProperty().bind(viewModel.busyProperty());
        again.setOnAction(e -> viewModel.checkAgain());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(viewModel.busyProperty());
        VBox text = new VBox(2, title, hint);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, text, progress, again);
        row.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("aws-check-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        viewModel.cleanProperty().addListener((o, was, is) -> styleSummary(summary, is));
        styleSummary(summary, viewModel.cleanProperty().get());
        Label error = new Label();
        error.setId("aws-check-error");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorMessageProperty());
        error.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox header = new VBox(8, row, summary, error);
        header.getStyleClass().add("tab-header");
        return header;
    }

    private static void styleSummary(Label summary, boolean clean) {
        summary.getStyleClass().removeAll("result-ok", "aws-check-verdict");
        summary.getStyleClass().add(clean ? "result-ok" : "aws-check-verdict");
    }

    private Node findingsList() {
        ListView<FindingRow> list = new ListView<>(viewModel.findings());
        list.setId("aws-check-findings");
        list.setCellFactory(l -> new FindingCell());
        Label none = new Label("Run the check to see what would differ on AWS.");
        none.getStyleClass().add("placeholder");
        none.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.cleanProperty())
                .then(AwsCheckViewModel.CLEAN).otherwise("Run the check to see what would differ on AWS."));
        list.setPlaceholder(none);
        return list;
    }

    /** One finding: severity (icon and colour), the code, the reading label when it applies, what AWS does, what to change. */
    private static final class FindingCell extends ListCell<FindingRow> {

        @Override
        protected void updateItem(FindingRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            Label severity = new Label(row.severityLabel());
            severity.getStyleClass().addAll("finding-severity", row.styleClass());
            Label code = new Label(row.code());
            code.getStyleClass().addAll("mono", "finding-code");
            HBox top = new HBox(10, severity, code);
            top.setAlignment(Pos.CENTER_LEFT);
            if (row.readingOfAws()) {
                Label reading = new Label(READING_LABEL);
                reading.getStyleClass().add("reading-badge");
                reading.setTooltip(new Tooltip("AWS does not document this point; docs/aws-reading.md says what "
                        + "TriggerLab chose and why."));
                top.getChildren().add(reading);
            }
            Label what = wrapped(row.whatAwsDoes());
            Label change = wrapped("What to change: " + row.whatToChange());
            change.getStyleClass().add("finding-fix");
            VBox box = new VBox(4, top, what, change);
            box.getStyleClass().add("finding");
            // Wrap to the list's width rather than growing sideways.
            box.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
            setGraphic(box);
        }

        private static Label wrapped(String text) {
            Label label = new Label(text);
            label.setWrapText(true);
            return label;
        }
    }
}
