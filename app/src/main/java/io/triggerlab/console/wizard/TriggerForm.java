package io.triggerlab.console.wizard;

import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.KafkaEventSourceConfig;
import io.triggerlab.engine.controlplane.mapping.SelfManagedEventSource;
import io.triggerlab.engine.controlplane.mapping.StartingPosition;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * The wizard's fields as typed, turned into the API's requests. Text fields stay text until here, so a value that is
 * not a number gets a clear message instead of being lost. Pure: no engine, no FX.
 */
public record TriggerForm(TriggerType type, String clusterArn, String bootstrapServers, String batchSize,
                          String batchingWindow, String topic, String consumerGroupId,
                          StartingPosition startingPosition, String startingTimestamp, String functionName,
                          boolean enabled, ZoneId zone) {

    /** Shown as the prompt of the timestamp field, and accepted besides ISO-8601 instants. */
    public static final String TIMESTAMP_PATTERN = "yyyy-MM-dd HH:mm:ss";
    static final String PLACEHOLDER_TOPIC = "triggerlab-wizard-placeholder";
    static final String PLACEHOLDER_FUNCTION = "triggerlab-wizard-placeholder";

    /** A value typed into a field that cannot become the API's type. */
    public static final class FieldException extends IllegalArgumentException {
        private final WizardStep step;

        FieldException(WizardStep step, String message) {
            super(message);
            this.step = step;
        }

        public WizardStep step() {
            return step;
        }
    }

    /**
     * The CreateEventSourceMapping request. Fields of steps after {@code reached} get harmless placeholders, so that
     * validating it reports only what the person has already been asked for.
     *
     * @throws FieldException when a typed value cannot be parsed
     */
    public CreateEventSourceMappingRequest toCreateRequest(WizardStep reached) {
        CreateEventSourceMappingRequest.Builder b = CreateEventSourceMappingRequest.builder()
                .enabled(enabled)
                .batchSize(reachedAt(reached, WizardStep.BATCH_SIZE) ? parseBatchSize() : null)
                .maximumBatchingWindowInSeconds(reachedAt(reached, WizardStep.BATCH_WINDOW) ? parseWindow() : null);
        if (reachedAt(reached, WizardStep.TOPIC)) {
            b.topics(blank(topic) ? null : List.of(topic.strip()));
        } else {
            b.topics(List.of(PLACEHOLDER_TOPIC));
        }
        if (reachedAt(reached, WizardStep.STARTING_POSITION)) {
            b.startingPosition(startingPosition == null ? null : startingPosition.name());
            if (startingPosition == StartingPosition.AT_TIMESTAMP) {
                b.startingPositionTimestamp(parseTimestamp());
            }
        } else {
            b.startingPosition(StartingPosition.LATEST.name());
        }
        b.functionName(reachedAt(reached, WizardStep.FUNCTION) ? strippedOrNull(functionName) : PLACEHOLDER_FUNCTION);
        KafkaEventSourceConfig group = reachedAt(reached, WizardStep.TOPIC) && !blank(consumerGroupId)
                ? new KafkaEventSourceConfig(consumerGroupId.strip(), null) : null;
        if (type == TriggerType.MSK) {
            b.eventSourceArn(strippedOrNull(clusterArn)).amazonManagedKafkaEventSourceConfig(group);
        } else {
            b.selfManagedEventSource(blank(bootstrapServers) ? null
                    : SelfManagedEventSource.ofBootstrapServers(splitServers())).selfManagedKafkaEventSourceConfig(group);
        }
        return b.build();
    }

    /** The complete request, as the Create button sends it. */
    public CreateEventSourceMappingRequest toCreateRequest() {
        return toCreateRequest(WizardStep.ENABLE);
    }

    /**
     * The UpdateEventSourceMapping request for what may change on an existing trigger: batch size, batch window,
     * function and enabled. Unchanged members stay absent, as a careful API client would send them.
     */
    public UpdateEventSourceMappingRequest toUpdateRequest(EventSourceMapping existing) {
        UpdateEventSourceMappingRequest.Builder b = UpdateEventSourceMappingRequest.builder();
        int size = parseBatchSize();
        if (size != existing.batchSize()) {
            b.batchSize(size);
        }
        Integer window = parseWindow();
        if (window == null && existing.maximumBatchingWindowInSeconds() != null) {
            throw new FieldException(WizardStep.BATCH_WINDOW, "MaximumBatchingWindowInSeconds cannot go back to the "
                    + "500 ms default once it was set: give 0..300 seconds, or create a new trigger");
        }
        if (window != null && !window.equals(existing.maximumBatchingWindowInSeconds())) {
            b.maximumBatchingWindowInSeconds(window);
        }
        String function = strippedOrNull(functionName);
        if (function != null && !existing.functionArn().endsWith(":function:" + function)
                && !existing.functionArn().equals(function)) {
            b.functionName(function);
        }
        if (enabled != existing.enabled()) {
            b.enabled(enabled);
        }
        return b.build();
    }

    private static boolean reachedAt(WizardStep reached, WizardStep step) {
        return reached.ordinal() >= step.ordinal();
    }

    private Integer parseBatchSize() {
        if (blank(batchSize)) {
            return null;
        }
        try {
            return Integer.valueOf(batchSize.strip());
        } catch (NumberFormatException e) {
            throw new FieldException(WizardStep.BATCH_SIZE, "BatchSize '" + batchSize.strip()
                    + "' is not a whole number: give 1..10000 records (default 100)");
        }
    }

    private Integer parseWindow() {
        if (blank(batchingWindow)) {
            return null;
        }
        try {
            return Integer.valueOf(batchingWindow.strip());
        } catch (NumberFormatException e) {
            throw new FieldException(WizardStep.BATCH_WINDOW, "MaximumBatchingWindowInSeconds '" + batchingWindow.strip()
                    + "' is not a whole number of seconds: give 0..300, or leave it empty for Kafka's 500 ms default");
        }
    }

    private Instant parseTimestamp() {
        if (blank(startingTimestamp)) {
            return null;
        }
        String text = startingTimestamp.strip();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(text, DateTimeFormatter.ofPattern(TIMESTAMP_PATTERN)).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                throw new FieldException(WizardStep.STARTING_POSITION, "StartingPositionTimestamp '" + text
                        + "' is not a time: use " + TIMESTAMP_PATTERN + " (local time) or an ISO-8601 instant such "
                        + "as 2026-01-31T09:30:00Z");
            }
        }
    }

    private List<String> splitServers() {
        return Arrays.stream(bootstrapServers.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String strippedOrNull(String text) {
        return blank(text) ? null : text.strip();
    }
}
