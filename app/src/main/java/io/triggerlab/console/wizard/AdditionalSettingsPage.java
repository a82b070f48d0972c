package io.triggerlab.console.wizard;

import io.triggerlab.console.pollers.PollerFields;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * "Additional settings", folded into sections as in the Lambda console: error handling, filtering (with a tester that
 * runs the patterns on the topic's newest records), the on-failure destination, provisioned pollers, logging and
 * metrics, and tags.
 */
final class AdditionalSettingsPage {

    private AdditionalSettingsPage() {
    }

    static Node content(TriggerWizardViewModel vm) {
        AdditionalSettingsForm f = vm.additional();
        ObservableBooleanValue editing = vm.editingProperty();
        VBox box = new VBox(6, errors(f), filters(vm), destination(f), pollers(f), SchemaRegistrySection.of(f),
                observability(f), tags(f, editing));
        return box;
    }

    static TitledPane section(String id, String title, Node content, boolean expanded) {
        TitledPane pane = new TitledPane(title, content);
        pane.setId(id);
        pane.setExpanded(expanded);
        pane.setAnimated(false);
        return pane;
    }

    private static Node errors(AdditionalSettingsForm f) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, WizardFields.name("Retry attempts"), WizardFields.text("wizard-retries", f.retriesProperty(),
                "-1: until the record expires (default)", null));
        grid.addRow(1, WizardFields.name("Maximum record age (s)"), WizardFields.text("wizard-record-age",
                f.recordAgeProperty(), "-1: no limit (default)", null));
        CheckBox bisect = new CheckBox("Split batch on error (BisectBatchOnFunctionError)");
        bisect.setId("wizard-bisect");
        bisect.selectedProperty().bindBidirectional(f.bisectProperty());
        CheckBox partial = new CheckBox("Report batch item failures (ReportBatchItemFailures)");
        partial.setId("wizard-report-batch-item-failures");
        partial.selectedProperty().bindBidirectional(f.reportBatchItemFailuresProperty());
        VBox content = new VBox(8, grid, bisect, partial, WizardFields.hint("A failed batch is retried until it "
                + "succeeds, its records expire, or the retries run out; then it goes to the on-failure destination."));
        return section("wizard-section-errors", "Error handling", content, true);
    }

    private static Node filters(TriggerWizardViewModel vm) {
        TextArea patterns = new TextArea();
        patterns.setId("wizard-filters");
        patterns.getStyleClass().add("mono");
        patterns.setPrefRowCount(3);
        patterns.setPromptText("{\"value\": {\"status\": [\"paid\"]}}");
        patterns.textProperty().bindBidirectional(vm.additional().filtersProperty());
        Button test = new Button("Test on the topic's newest records");
        test.setId("wizard-filter-test");
        test.disableProperty().bind(vm.filterTester().runningProperty());
        test.setOnAction(e -> vm.testFilters());
        Label summary = WizardFields.hint("");
        summary.setId("wizard-filter-summary");
        summary.textProperty().bind(vm.filterTester().summaryProperty());
        ListView<String> results = new ListView<>(vm.filterTester().lines());
        results.setId("wizard-filter-results");
        results.getStyleClass().add("mono");
        results.setPrefHeight(110);
        BooleanBinding hasResults = javafx.beans.binding.Bindings.isNotEmpty(vm.filterTester().lines());
        results.visibleProperty().bind(hasResults);
        results.managedProperty().bind(hasResults);
        VBox content = new VBox(8, WizardFields.hint("One EventBridge pattern per line (FilterCriteria). A record "
                + "is sent when any pattern matches; filtered records are skipped and their offsets committed."),
                patterns, test, summary, results);
        return section("wizard-section-filters", "Filter criteria", content, false);
    }

    private static Node destination(AdditionalSettingsForm f) {
        TextField dest = WizardFields.text("wizard-destination", f.onFailureDestinationProperty(),
                "arn:aws:sqs:…, arn:aws:sns:…, arn:aws:s3:::bucket or kafka://topic", null);
        VBox content = new VBox(8, dest, WizardFields.hint("Where a batch goes when retries are exhausted or its "
                + "records expire. TriggerLab keeps SQS/SNS/S3 deliveries in the Destinations outbox and writes "
                + "kafka:// ones to the topic."));
        return section("wizard-section-destination", "On-failure destination", content, false);
    }

    private static Node pollers(AdditionalSettingsForm f) {
        CheckBox provisioned = new CheckBox("Provisioned mode");
        provisioned.setId("wizard-provisioned");
        PollerFields p = f.pollers();
        provisioned.selectedProperty().bindBidirectional(p.provisionedProperty());
        TextField min = WizardFields.text("wizard-min-pollers", p.minPollersProperty(), "1", null);
        TextField max = WizardFields.text("wizard-max-pollers", p.maxPollersProperty(), "200", null);
        min.disableProperty().bind(p.provisionedProperty().not());
        max.disableProperty().bind(p.provisionedProperty().not());
        HBox range = new HBox(8, WizardFields.name("Minimum pollers"), min, WizardFields.name("Maximum pollers"), max);
        range.setAlignment(Pos.CENTER_LEFT);
        TextField group = WizardFields.text("wizard-poller-group", p.groupProperty(),
                "Poller group name (optional): triggers of one group share its pollers", null);
        group.disableProperty().bind(p.provisionedProperty().not());
        VBox content = new VBox(8, provisioned, range, group, WizardFields.hint("ProvisionedPollerConfig. Off: on-demand "
                + "mode, where Lambda scales pollers itself."));
        return section("wizard-section-pollers", "Event pollers", content, false);
    }

    private static Node observability(AdditionalSettingsForm f) {
        ChoiceBox<String> level = new ChoiceBox<>();
        level.setId("wizard-log-level");
        level.getItems().setAll(AdditionalSettingsForm.LOG_LEVELS);
        level.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? "Off (no LoggingConfig)" : value;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        level.valueProperty().bindBidirectional(f.logLevelProperty());
        CheckBox events = check("wizard-metric-events", "EventCount", f.eventCountProperty());
        CheckBox errors = check("wizard-metric-errors", "ErrorCount", f.errorCountProperty());
        CheckBox kafka = check("wizard-metric-kafka", "KafkaMetrics", f.kafkaMetricsProperty());
        HBox logRow = new HBox(8, WizardFields.name("System log level"), level);
        logRow.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(8, logRow, new HBox(12, WizardFields.name("Metrics"), events, errors, kafka));
        return section("wizard-section-observability", "Logging and metrics", content, false);
    }

    private static CheckBox check(String id, String text, javafx.beans.property.BooleanProperty property) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.selectedProperty().bindBidirectional(property);
        return box;
    }

    private static Node tags(AdditionalSettingsForm f, ObservableBooleanValue editing) {
        TextArea tags = new TextArea();
        tags.setId("wizard-tags");
        tags.setPrefRowCount(2);
        tags.setPromptText("team=payments");
        tags.textProperty().bindBidirectional(f.tagsProperty());
        tags.disableProperty().bind(editing);
        VBox content = new VBox(8, tags, WizardFields.hint("key=value, one per line. Set at create; the tags of an "
                + "existing trigger change in its Tags tab (TagResource, UntagResource), as on AWS."));
        return section("wizard-section-tags", "Tags", content, false);
    }
}
