package io.triggerlab.console.wizard;

import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.DestinationConfig;
import io.triggerlab.engine.controlplane.mapping.FilterCriteria;
import io.triggerlab.engine.controlplane.mapping.LoggingConfig;
import io.triggerlab.engine.controlplane.mapping.MetricsConfig;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.controlplane.mapping.SourceAccessConfiguration;
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
import java.util.Map;
import java.util.Objects;

/**
 * The wizard's fields as typed, turned into the API's requests. Text fields stay text until here, so a value that is
 * not a number gets a clear message instead of being lost. Pure: no engine, no FX.
 */
public record TriggerForm(TriggerType type, String clusterArn, String bootstrapServers, String batchSize,
                          String batchingWindow, String topic, String consumerGroupId,
                          StartingPosition startingPosition, String startingTimestamp, String functionName,
                          boolean enabled, AuthChoice auth, AdditionalSettings additional, ZoneId zone) {

    /** Shown as the prompt of the timestamp field, and accepted besides ISO-8601 instants. */
    public static final String TIMESTAMP_PATTERN = "yyyy-MM-dd HH:mm:ss";
    static final String PLACEHOLDER_TOPIC = "triggerlab-wizard-placeholder";
    static final String PLACEHOLDER_FUNCTION = "triggerlab-wizard-placeholder";

    /** A value typed into a field that cannot become the API's type. */
    public static final class FieldException extends IllegalArgumentException {
        private final WizardStep step;
        private final String plain;

        FieldException(WizardStep step, String message) {
            this(step, message, null);
        }

        /** @param plain what to do, in plain words; null lets {@link PlainWords} word it */
        FieldException(WizardStep step, String message, String plain) {
            super(message);
            this.step = step;
            this.plain = plain;
        }

        public WizardStep step() {
            return step;
        }

        public String plain() {
            return plain == null ? PlainWords.of(getMessage()) : plain;
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
        String groupId = reachedAt(reached, WizardStep.TOPIC) && !blank(consumerGroupId) ? consumerGroupId.strip() : null;
        KafkaEventSourceConfig group = reachedAt(reached, WizardStep.ADDITIONAL)
                ? additional.schemaRegistry().with(groupId)
                : groupId == null ? null : new KafkaEventSourceConfig(groupId, null);
        if (reachedAt(reached, WizardStep.AUTHENTICATION)) {
            List<SourceAccessConfiguration> access = authConfigurations(List.of());
            b.sourceAccessConfigurations(access.isEmpty() ? null : access);
        }
        if (reachedAt(reached, WizardStep.ADDITIONAL)) {
            AdditionalSettings a = additional;
            Map<String, String> tags = a.tagMap();
            b.maximumRetryAttempts(parseInt(a.retries(), "MaximumRetryAttempts",
                            "Retry attempts must be a whole number: -1 (until the record expires) or 0..10000."))
                    .maximumRecordAgeInSeconds(parseInt(a.recordAge(), "MaximumRecordAgeInSeconds",
                            "Record age must be a whole number of seconds: -1 (no limit) or 60..604800."))
                    .bisectBatchOnFunctionError(a.bisect() ? Boolean.TRUE : null)
                    .functionResponseTypes(a.functionResponseTypes())
                    .filterCriteria(a.filterCriteria())
                    .destinationConfig(a.destination())
                    .provisionedPollerConfig(pollers())
                    .loggingConfig(a.logging())
                    .metricsConfig(a.metricsConfig())
                    .tags(tags.isEmpty() ? null : tags);
        }
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
        return toCreateRequest(WizardStep.REVIEW);
    }

    /**
     * The UpdateEventSourceMapping request for what may change on an existing trigger: batch size, batch window,
     * function, enabled, authentication and the additional settings but tags (AWS tags with TagResource). Unchanged members stay absent, as a careful API client would send them.
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
        List<SourceAccessConfiguration> access = authConfigurations(existing.sourceAccessConfigurations());
        if (!access.equals(existing.sourceAccessConfigurations())) {
            b.sourceAccessConfigurations(access);
        }
        updateAdditional(b, existing);
        return b.build();
    }

    private void updateAdditional(UpdateEventSourceMappingRequest.Builder b, EventSourceMapping existing) {
        AdditionalSettings a = additional;
        Integer retries = parseInt(a.retries(), "MaximumRetryAttempts",
                "Retry attempts must be a whole number: -1 (until the record expires) or 0..10000.");
        int retriesOrDefault = retries == null ? EventSourceMapping.INFINITE : retries;
        if (retriesOrDefault != existing.maximumRetryAttempts()) {
            b.maximumRetryAttempts(retriesOrDefault);
        }
        Integer age = parseInt(a.recordAge(), "MaximumRecordAgeInSeconds",
                "Record age must be a whole number of seconds: -1 (no limit) or 60..604800.");
        int ageOrDefault = age == null ? EventSourceMapping.INFINITE : age;
        if (ageOrDefault != existing.maximumRecordAgeInSeconds()) {
            b.maximumRecordAgeInSeconds(ageOrDefault);
        }
        if (a.bisect() != existing.bisectBatchOnFunctionError()) {
            b.bisectBatchOnFunctionError(a.bisect());
        }
        List<String> types = a.reportBatchItemFailures() ? List.of(EventSourceMapping.REPORT_BATCH_ITEM_FAILURES) : List.of();
        if (!types.equals(existing.functionResponseTypes())) {
            b.functionResponseTypes(types);
        }
        AdditionalSettings before = AdditionalSettings.of(existing);
        if (!a.patterns().equals(before.patterns())) {
            // An empty FilterCriteria removes the filters (AWS's rule for UpdateEventSourceMapping).
            b.filterCriteria(a.patterns().isEmpty() ? new FilterCriteria(List.of()) : a.filterCriteria());
        }
        if (!a.onFailureDestination().strip().equals(before.onFailureDestination())) {
            b.destinationConfig(DestinationConfig.onFailure(a.onFailureDestination().strip()));
        }
        ProvisionedPollerConfig pollers = pollers();
        if (!Objects.equals(pollers, existing.provisionedPollerConfig() == null
                || existing.provisionedPollerConfig().isEmpty() ? null : existing.provisionedPollerConfig())) {
            b.provisionedPollerConfig(pollers == null ? new ProvisionedPollerConfig(null, null, null) : pollers);
        }
        if (!a.logLevel().strip().equals(before.logLevel())) {
            b.loggingConfig(new LoggingConfig(a.logLevel().isBlank() ? null : a.logLevel().strip()));
        }
        if (!a.metrics().equals(before.metrics())) {
            b.metricsConfig(new MetricsConfig(a.metrics()));
        }
        if (!a.schemaRegistry().equals(before.schemaRegistry())) {
            // The consumer group is create-only: an update's config carries the registry alone (null removes it).
            KafkaEventSourceConfig registry = new KafkaEventSourceConfig(null, a.schemaRegistry().toConfig());
            if (type == TriggerType.MSK) {
                b.amazonManagedKafkaEventSourceConfig(registry);
            } else {
                b.selfManagedKafkaEventSourceConfig(registry);
            }
        }
    }

    private List<SourceAccessConfiguration> authConfigurations(List<SourceAccessConfiguration> keep) {
        if (auth.method() != null && auth.method().needsSecret() && blank(auth.secretArn())) {
            throw new FieldException(WizardStep.AUTHENTICATION, "SourceAccessConfigurations " + auth.method().type()
                    + " needs a secret URI", "Choose the secret for " + auth.method().label()
                    + ", or create one with New secret….");
        }
        return auth.toConfigurations(type, keep);
    }

    private ProvisionedPollerConfig pollers() {
        if (!additional.provisioned()) {
            return null;
        }
        return new ProvisionedPollerConfig(parseInt(additional.minPollers(), "MinimumPollers",
                "Minimum pollers must be a whole number, 1..200."), parseInt(additional.maxPollers(), "MaximumPollers",
                "Maximum pollers must be a whole number, 1..2000."),
                additional.pollerGroup().isBlank() ? null : additional.pollerGroup().strip());
    }

    private static Integer parseInt(String text, String member, String plain) {
        if (blank(text)) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new FieldException(WizardStep.ADDITIONAL, member + " '" + text.strip() + "' is not a whole number",
                    plain);
        }
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
                    + "' is not a whole number: give 1..10000 records (default 100)",
                    "Batch size must be a whole number of records, 1 to 10,000.");
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
                        + "as 2026-01-31T09:30:00Z", "Choose a date and time with the date picker, or type "
                        + TIMESTAMP_PATTERN + ".");
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
