package io.triggerlab.engine.controlplane.mapping;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One Kafka event source mapping: every member of AWS's {@code EventSourceMappingConfiguration} that applies to Amazon
 * MSK and self-managed Apache Kafka (docs/aws-behaviour.md#response), plus the desired {@code enabled} flag and the {@code tags} (stored,
 * never returned by the API). Build one with {@link #builder()}; change one with {@link #toBuilder()}.
 *
 * <p>{@code maximumBatchingWindowInSeconds} is {@code null} while the mapping uses Kafka's 500 ms default, which the
 * API cannot express in whole seconds (docs/aws-behaviour.md#api-members). Decision for an open point (docs/aws-behaviour.md#open-points): the API <em>omits</em>
 * {@code MaximumBatchingWindowInSeconds} from responses while it is {@code null}. Echoing {@code 0} would be wrong —
 * 0 means "invoke immediately", so a client that copies a Get response into an Update would silently change the
 * batching; omitting it round-trips safely. {@link #batchingWindow()} is what the poller uses.
 */
public record EventSourceMapping(
        String uuid,
        String functionArn,
        String eventSourceArn,
        SelfManagedEventSource selfManagedEventSource,
        List<String> topics,
        StartingPosition startingPosition,
        Instant startingPositionTimestamp,
        int batchSize,
        Integer maximumBatchingWindowInSeconds,
        List<SourceAccessConfiguration> sourceAccessConfigurations,
        KafkaEventSourceConfig amazonManagedKafkaEventSourceConfig,
        KafkaEventSourceConfig selfManagedKafkaEventSourceConfig,
        FilterCriteria filterCriteria,
        String kmsKeyArn,
        DestinationConfig destinationConfig,
        int maximumRetryAttempts,
        int maximumRecordAgeInSeconds,
        boolean bisectBatchOnFunctionError,
        List<String> functionResponseTypes,
        ProvisionedPollerConfig provisionedPollerConfig,
        MetricsConfig metricsConfig,
        LoggingConfig loggingConfig,
        Map<String, String> tags,
        boolean enabled,
        MappingState state,
        String stateTransitionReason,
        String lastProcessingResult,
        Instant lastModified,
        String eventSourceMappingArn) {

    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final Duration DEFAULT_BATCHING_WINDOW = Duration.ofMillis(500);
    public static final int INFINITE = -1;
    public static final String NO_RECORDS_PROCESSED = "No records processed";
    public static final String USER_INITIATED = "USER_INITIATED";
    public static final String REPORT_BATCH_ITEM_FAILURES = "ReportBatchItemFailures";

    public EventSourceMapping {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(functionArn, "functionArn");
        if ((eventSourceArn == null) == (selfManagedEventSource == null)) {
            throw new IllegalArgumentException("Mapping " + uuid
                    + " needs exactly one of eventSourceArn (MSK) and selfManagedEventSource");
        }
        topics = List.copyOf(Objects.requireNonNull(topics, "topics"));
        Objects.requireNonNull(startingPosition, "startingPosition");
        sourceAccessConfigurations = sourceAccessConfigurations == null ? List.of() : List.copyOf(sourceAccessConfigurations);
        functionResponseTypes = functionResponseTypes == null ? List.of() : List.copyOf(functionResponseTypes);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(eventSourceMappingArn, "eventSourceMappingArn");
    }

    /** {@code arn:aws:lambda:<region>:<account>:event-source-mapping:<uuid>} */
    public static String arnOf(String region, String accountId, String uuid) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":event-source-mapping:" + uuid;
    }

    /** True for an Amazon MSK source (it has an {@code EventSourceArn}); false for self-managed Kafka. */
    public boolean isMsk() {
        return eventSourceArn != null;
    }

    /** The one topic this mapping reads. */
    public String topic() {
        return topics.get(0);
    }

    /** The Kafka-specific config of this mapping's source kind, or {@code null}. */
    public KafkaEventSourceConfig kafkaEventSourceConfig() {
        return isMsk() ? amazonManagedKafkaEventSourceConfig : selfManagedKafkaEventSourceConfig;
    }

    /** The consumer group: the custom {@code ConsumerGroupId}, or the mapping's UUID (docs/aws-behaviour.md#consumer-group). */
    public String consumerGroupId() {
        KafkaEventSourceConfig config = kafkaEventSourceConfig();
        return config != null && config.consumerGroupId() != null ? config.consumerGroupId() : uuid;
    }

    /** The batching window: the configured whole seconds, or Kafka's 500 ms default. */
    public Duration batchingWindow() {
        return maximumBatchingWindowInSeconds == null
                ? DEFAULT_BATCHING_WINDOW : Duration.ofSeconds(maximumBatchingWindowInSeconds);
    }

    /** True when the function may report partial batch failures. */
    public boolean reportsBatchItemFailures() {
        return functionResponseTypes.contains(REPORT_BATCH_ITEM_FAILURES);
    }

    /** True in provisioned mode (a {@code ProvisionedPollerConfig} is set). */
    public boolean isProvisioned() {
        return provisionedPollerConfig != null;
    }

    /**
     * The event source for conflict checks and messages: the MSK ARN, or the comma-joined bootstrap servers of a
     * self-managed source.
     */
    public String eventSourceKey() {
        return isMsk() ? eventSourceArn : String.join(",", selfManagedEventSource.bootstrapServers());
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A runtime state change: new state and reason, {@code LastModified} moves. */
    public EventSourceMapping withState(MappingState newState, String reason, Instant at) {
        return toBuilder().state(newState).stateTransitionReason(reason).lastModified(at).build();
    }

    public EventSourceMapping withLastProcessingResult(String result) {
        return toBuilder().lastProcessingResult(result).build();
    }

    /** Mutable builder with the Kafka defaults (BatchSize 100, retries/age -1, enabled, Creating). */
    public static final class Builder {
        private String uuid;
        private String functionArn;
        private String eventSourceArn;
        private SelfManagedEventSource selfManagedEventSource;
        private List<String> topics;
        private StartingPosition startingPosition;
        private Instant startingPositionTimestamp;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Integer maximumBatchingWindowInSeconds;
        private List<SourceAccessConfiguration> sourceAccessConfigurations;
        private KafkaEventSourceConfig amazonManagedKafkaEventSourceConfig;
        private KafkaEventSourceConfig selfManagedKafkaEventSourceConfig;
        private FilterCriteria filterCriteria;
        private String kmsKeyArn;
        private DestinationConfig destinationConfig;
        private int maximumRetryAttempts = INFINITE;
        private int maximumRecordAgeInSeconds = INFINITE;
        private boolean bisectBatchOnFunctionError;
        private List<String> functionResponseTypes;
        private ProvisionedPollerConfig provisionedPollerConfig;
        private MetricsConfig metricsConfig;
        private LoggingConfig loggingConfig;
        private Map<String, String> tags;
        private boolean enabled = true;
        private MappingState state = MappingState.CREATING;
        private String stateTransitionReason = USER_INITIATED;
        private String lastProcessingResult = NO_RECORDS_PROCESSED;
        private Instant lastModified;
        private String eventSourceMappingArn;

        private Builder() {
        }

        private Builder(EventSourceMapping m) {
            uuid = m.uuid;
            functionArn = m.functionArn;
            eventSourceArn = m.eventSourceArn;
            selfManagedEventSource = m.selfManagedEventSource;
            topics = m.topics;
            startingPosition = m.startingPosition;
            startingPositionTimestamp = m.startingPositionTimestamp;
            batchSize = m.batchSize;
            maximumBatchingWindowInSeconds = m.maximumBatchingWindowInSeconds;
            sourceAccessConfigurations = m.sourceAccessConfigurations;
            amazonManagedKafkaEventSourceConfig = m.amazonManagedKafkaEventSourceConfig;
            selfManagedKafkaEventSourceConfig = m.selfManagedKafkaEventSourceConfig;
            filterCriteria = m.filterCriteria;
            kmsKeyArn = m.kmsKeyArn;
            destinationConfig = m.destinationConfig;
            maximumRetryAttempts = m.maximumRetryAttempts;
            maximumRecordAgeInSeconds = m.maximumRecordAgeInSeconds;
            bisectBatchOnFunctionError = m.bisectBatchOnFunctionError;
            functionResponseTypes = m.functionResponseTypes;
            provisionedPollerConfig = m.provisionedPollerConfig;
            metricsConfig = m.metricsConfig;
            loggingConfig = m.loggingConfig;
            tags = m.tags;
            enabled = m.enabled;
            state = m.state;
            stateTransitionReason = m.stateTransitionReason;
            lastProcessingResult = m.lastProcessingResult;
            lastModified = m.lastModified;
            eventSourceMappingArn = m.eventSourceMappingArn;
        }

        public Builder uuid(String value) { uuid = value; return this; }
        public Builder functionArn(String value) { functionArn = value; return this; }
        public Builder eventSourceArn(String value) { eventSourceArn = value; return this; }
        public Builder selfManagedEventSource(SelfManagedEventSource value) { selfManagedEventSource = value; return this; }
        public Builder topics(List<String> value) { topics = value; return this; }
        public Builder startingPosition(StartingPosition value) { startingPosition = value; return this; }
        public Builder startingPositionTimestamp(Instant value) { startingPositionTimestamp = value; return this; }
        public Builder batchSize(int value) { batchSize = value; return this; }
        public Builder maximumBatchingWindowInSeconds(Integer value) { maximumBatchingWindowInSeconds = value; return this; }
        public Builder sourceAccessConfigurations(List<SourceAccessConfiguration> value) { sourceAccessConfigurations = value; return this; }
        public Builder amazonManagedKafkaEventSourceConfig(KafkaEventSourceConfig value) { amazonManagedKafkaEventSourceConfig = value; return this; }
        public Builder selfManagedKafkaEventSourceConfig(KafkaEventSourceConfig value) { selfManagedKafkaEventSourceConfig = value; return this; }
        public Builder filterCriteria(FilterCriteria value) { filterCriteria = value; return this; }
        public Builder kmsKeyArn(String value) { kmsKeyArn = value; return this; }
        public Builder destinationConfig(DestinationConfig value) { destinationConfig = value; return this; }
        public Builder maximumRetryAttempts(int value) { maximumRetryAttempts = value; return this; }
        public Builder maximumRecordAgeInSeconds(int value) { maximumRecordAgeInSeconds = value; return this; }
        public Builder bisectBatchOnFunctionError(boolean value) { bisectBatchOnFunctionError = value; return this; }
        public Builder functionResponseTypes(List<String> value) { functionResponseTypes = value; return this; }
        public Builder provisionedPollerConfig(ProvisionedPollerConfig value) { provisionedPollerConfig = value; return this; }
        public Builder metricsConfig(MetricsConfig value) { metricsConfig = value; return this; }
        public Builder loggingConfig(LoggingConfig value) { loggingConfig = value; return this; }
        public Builder tags(Map<String, String> value) { tags = value; return this; }
        public Builder enabled(boolean value) { enabled = value; return this; }
        public Builder state(MappingState value) { state = value; return this; }
        public Builder stateTransitionReason(String value) { stateTransitionReason = value; return this; }
        public Builder lastProcessingResult(String value) { lastProcessingResult = value; return this; }
        public Builder lastModified(Instant value) { lastModified = value; return this; }
        public Builder eventSourceMappingArn(String value) { eventSourceMappingArn = value; return this; }
        /**
         * The one path from a request to a mapping, for Create (on a fresh builder, whose defaults are AWS's) and
         * Update (on {@link #toBuilder()}): every member present is applied, an absent one leaves the value as it is.
         * Empty values remove (docs/aws-behaviour.md#api-members): {@code FilterCriteria {}},
         * {@code OnFailure.Destination ""}, {@code KMSKeyArn ""}, {@code ProvisionedPollerConfig {}},
         * {@code PollerGroupName ""}, {@code MetricsConfig {}}, {@code LoggingConfig {}}. Create-only members reach
         * this only on Create: Update refuses them first. {@code FunctionName} is resolved by the service.
         */
        public Builder apply(MappingRequest r) {
            present(r.eventSourceArn(), this::eventSourceArn);
            present(r.selfManagedEventSource(), this::selfManagedEventSource);
            present(r.topics(), this::topics);
            present(r.startingPosition(), p -> startingPosition(StartingPosition.valueOf(p)));
            present(r.startingPositionTimestamp(), this::startingPositionTimestamp);
            present(r.enabled(), this::enabled);
            present(r.batchSize(), this::batchSize);
            present(r.maximumBatchingWindowInSeconds(), this::maximumBatchingWindowInSeconds);
            present(r.sourceAccessConfigurations(), this::sourceAccessConfigurations);
            present(r.amazonManagedKafkaEventSourceConfig(),
                    c -> amazonManagedKafkaEventSourceConfig(merged(amazonManagedKafkaEventSourceConfig, c)));
            present(r.selfManagedKafkaEventSourceConfig(),
                    c -> selfManagedKafkaEventSourceConfig(merged(selfManagedKafkaEventSourceConfig, c)));
            present(r.filterCriteria(), c -> filterCriteria(c.filters().isEmpty() ? null : c));
            present(r.kmsKeyArn(), k -> kmsKeyArn(emptyToNull(k)));
            present(r.destinationConfig(), c -> destinationConfig(emptyToNull(c.onFailureDestination()) == null
                    ? null : DestinationConfig.onFailure(c.onFailureDestination())));
            present(r.maximumRetryAttempts(), this::maximumRetryAttempts);
            present(r.maximumRecordAgeInSeconds(), this::maximumRecordAgeInSeconds);
            present(r.bisectBatchOnFunctionError(), this::bisectBatchOnFunctionError);
            present(r.functionResponseTypes(), this::functionResponseTypes);
            present(r.provisionedPollerConfig(), c -> provisionedPollerConfig(c.isEmpty() ? null
                    : new ProvisionedPollerConfig(orDefault(c.minimumPollers(), ProvisionedPollerConfig.DEFAULT_MINIMUM_POLLERS),
                            orDefault(c.maximumPollers(), ProvisionedPollerConfig.DEFAULT_MAXIMUM_POLLERS),
                            emptyToNull(c.pollerGroupName()))));
            present(r.metricsConfig(), c -> metricsConfig(c.metrics().isEmpty() ? null : c));
            present(r.loggingConfig(), c -> loggingConfig(c.systemLogLevel() == null ? null : c));
            present(r.tags(), this::tags);
            return this;
        }

        private static <T> void present(T value, Consumer<T> setter) {
            if (value != null) {
                setter.accept(value);
            }
        }

        /** The consumer group is create-only, so an update's config carries only the schema registry. */
        private static KafkaEventSourceConfig merged(KafkaEventSourceConfig current, KafkaEventSourceConfig change) {
            String group = change.consumerGroupId() != null ? change.consumerGroupId()
                    : current == null ? null : current.consumerGroupId();
            return group == null && change.schemaRegistryConfig() == null
                    ? null : new KafkaEventSourceConfig(group, change.schemaRegistryConfig());
        }

        private static String emptyToNull(String text) {
            return text == null || text.isEmpty() ? null : text;
        }

        private static int orDefault(Integer value, int fallback) {
            return value == null ? fallback : value;
        }

        public EventSourceMapping build() {
            return new EventSourceMapping(uuid, functionArn, eventSourceArn, selfManagedEventSource, topics,
                    startingPosition, startingPositionTimestamp, batchSize, maximumBatchingWindowInSeconds,
                    sourceAccessConfigurations, amazonManagedKafkaEventSourceConfig,
                    selfManagedKafkaEventSourceConfig, filterCriteria, kmsKeyArn, destinationConfig,
                    maximumRetryAttempts, maximumRecordAgeInSeconds, bisectBatchOnFunctionError,
                    functionResponseTypes, provisionedPollerConfig, metricsConfig, loggingConfig, tags, enabled,
                    state, stateTransitionReason, lastProcessingResult, lastModified, eventSourceMappingArn);
        }
    }
}
