package io.triggerlab.console.wizard;

import io.triggerlab.console.pollers.PollerFields;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;

/** The fields of the wizard's "Additional settings" as the page binds them; {@link #value()} reads them all at once. */
public final class AdditionalSettingsForm {

    /** The log levels LoggingConfig takes; "" keeps it absent. */
    public static final List<String> LOG_LEVELS = List.of("", "DEBUG", "INFO", "WARN");

    private final StringProperty retries = new SimpleStringProperty("");
    private final StringProperty recordAge = new SimpleStringProperty("");
    private final BooleanProperty bisect = new SimpleBooleanProperty();
    private final BooleanProperty reportBatchItemFailures = new SimpleBooleanProperty();
    private final StringProperty filters = new SimpleStringProperty("");
    private final StringProperty onFailureDestination = new SimpleStringProperty("");
    private final PollerFields pollers = new PollerFields();
    private final StringProperty logLevel = new SimpleStringProperty("");
    private final BooleanProperty eventCount = new SimpleBooleanProperty();
    private final BooleanProperty errorCount = new SimpleBooleanProperty();
    private final BooleanProperty kafkaMetrics = new SimpleBooleanProperty();
    private final StringProperty tags = new SimpleStringProperty("");
    private final SchemaRegistryForm schemaRegistry = new SchemaRegistryForm();

    /** Every field, for listening to changes. */
    Observable[] fields() {
        Observable[] own = {retries, recordAge, bisect, reportBatchItemFailures, filters, onFailureDestination,
                pollers.provisionedProperty(), pollers.minPollersProperty(), pollers.maxPollersProperty(),
                pollers.groupProperty(), logLevel, eventCount, errorCount, kafkaMetrics, tags};
        return java.util.stream.Stream.concat(java.util.Arrays.stream(own), java.util.Arrays.stream(schemaRegistry.fields()))
                .toArray(Observable[]::new);
    }

    public AdditionalSettings value() {
        List<String> metrics = new ArrayList<>();
        if (eventCount.get()) {
            metrics.add("EventCount");
        }
        if (errorCount.get()) {
            metrics.add("ErrorCount");
        }
        if (kafkaMetrics.get()) {
            metrics.add("KafkaMetrics");
        }
        return new AdditionalSettings(retries.get(), recordAge.get(), bisect.get(), reportBatchItemFailures.get(),
                filters.get(), onFailureDestination.get(), pollers.provisionedProperty().get(),
                pollers.minPollersProperty().get(), pollers.maxPollersProperty().get(), pollers.groupProperty().get(),
                logLevel.get() == null ? "" : logLevel.get(), metrics, tags.get(), schemaRegistry.value());
    }

    void fill(AdditionalSettings s) {
        retries.set(s.retries());
        recordAge.set(s.recordAge());
        bisect.set(s.bisect());
        reportBatchItemFailures.set(s.reportBatchItemFailures());
        filters.set(s.filters());
        onFailureDestination.set(s.onFailureDestination());
        pollers.fill(s.provisioned(), s.minPollers(), s.maxPollers(), s.pollerGroup());
        logLevel.set(s.logLevel());
        eventCount.set(s.metrics().contains("EventCount"));
        errorCount.set(s.metrics().contains("ErrorCount"));
        kafkaMetrics.set(s.metrics().contains("KafkaMetrics"));
        tags.set(s.tags());
        schemaRegistry.fill(s.schemaRegistry());
    }

    /** SchemaRegistryConfig (provisioned mode on AWS). */
    public SchemaRegistryForm schemaRegistry() {
        return schemaRegistry;
    }

    /** -1 (until the record expires, the default) or 0..10000. */
    public StringProperty retriesProperty() {
        return retries;
    }

    /** -1 (no limit, the default) or 60..604800 seconds. */
    public StringProperty recordAgeProperty() {
        return recordAge;
    }

    public BooleanProperty bisectProperty() {
        return bisect;
    }

    public BooleanProperty reportBatchItemFailuresProperty() {
        return reportBatchItemFailures;
    }

    /** One EventBridge pattern per line. */
    public StringProperty filtersProperty() {
        return filters;
    }

    public StringProperty onFailureDestinationProperty() {
        return onFailureDestination;
    }

    /** Provisioned mode: MinimumPollers, MaximumPollers and PollerGroupName. */
    public PollerFields pollers() {
        return pollers;
    }

    public StringProperty logLevelProperty() {
        return logLevel;
    }

    public BooleanProperty eventCountProperty() {
        return eventCount;
    }

    public BooleanProperty errorCountProperty() {
        return errorCount;
    }

    public BooleanProperty kafkaMetricsProperty() {
        return kafkaMetrics;
    }

    /** key=value, one per line (create only: AWS changes tags with TagResource). */
    public StringProperty tagsProperty() {
        return tags;
    }
}
