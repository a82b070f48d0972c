package io.triggerlab.engine.controlplane.mapping;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code UpdateEventSourceMapping}: {@code null} means "leave unchanged". Besides AWS's update members it
 * carries the create-only members ({@code EventSourceArn}, {@code SelfManagedEventSource}, {@code Topics},
 * {@code StartingPosition}, {@code StartingPositionTimestamp}, {@code Tags}) and the members that do not apply to
 * Kafka, only so that their presence can be refused with a clear message.
 */
public record UpdateEventSourceMappingRequest(
        String functionName,
        Boolean enabled,
        Integer batchSize,
        Integer maximumBatchingWindowInSeconds,
        List<SourceAccessConfiguration> sourceAccessConfigurations,
        KafkaEventSourceConfig amazonManagedKafkaEventSourceConfig,
        KafkaEventSourceConfig selfManagedKafkaEventSourceConfig,
        FilterCriteria filterCriteria,
        String kmsKeyArn,
        DestinationConfig destinationConfig,
        Integer maximumRetryAttempts,
        Integer maximumRecordAgeInSeconds,
        Boolean bisectBatchOnFunctionError,
        List<String> functionResponseTypes,
        ProvisionedPollerConfig provisionedPollerConfig,
        MetricsConfig metricsConfig,
        LoggingConfig loggingConfig,
        String eventSourceArn,
        SelfManagedEventSource selfManagedEventSource,
        List<String> topics,
        String startingPosition,
        Instant startingPositionTimestamp,
        Map<String, String> tags,
        Integer parallelizationFactor,
        Integer tumblingWindowInSeconds,
        Map<String, Object> scalingConfig,
        List<String> queues,
        Map<String, Object> documentDBEventSourceConfig) {

    public UpdateEventSourceMappingRequest {
        sourceAccessConfigurations = Nullables.copy(sourceAccessConfigurations);
        functionResponseTypes = Nullables.copy(functionResponseTypes);
        topics = Nullables.copy(topics);
        tags = Nullables.copy(tags);
        scalingConfig = Nullables.copy(scalingConfig);
        queues = Nullables.copy(queues);
        documentDBEventSourceConfig = Nullables.copy(documentDBEventSourceConfig);
    }


    public static Builder builder() {
        return new Builder();
    }

    /** Test and codec convenience: every member starts absent ({@code null}). */
    public static final class Builder {
        private String functionName;
        private Boolean enabled;
        private Integer batchSize;
        private Integer maximumBatchingWindowInSeconds;
        private List<SourceAccessConfiguration> sourceAccessConfigurations;
        private KafkaEventSourceConfig amazonManagedKafkaEventSourceConfig;
        private KafkaEventSourceConfig selfManagedKafkaEventSourceConfig;
        private FilterCriteria filterCriteria;
        private String kmsKeyArn;
        private DestinationConfig destinationConfig;
        private Integer maximumRetryAttempts;
        private Integer maximumRecordAgeInSeconds;
        private Boolean bisectBatchOnFunctionError;
        private List<String> functionResponseTypes;
        private ProvisionedPollerConfig provisionedPollerConfig;
        private MetricsConfig metricsConfig;
        private LoggingConfig loggingConfig;
        private String eventSourceArn;
        private SelfManagedEventSource selfManagedEventSource;
        private List<String> topics;
        private String startingPosition;
        private Instant startingPositionTimestamp;
        private Map<String, String> tags;
        private Integer parallelizationFactor;
        private Integer tumblingWindowInSeconds;
        private Map<String, Object> scalingConfig;
        private List<String> queues;
        private Map<String, Object> documentDBEventSourceConfig;

        private Builder() {
        }

        public Builder functionName(String value) {
            functionName = value;
            return this;
        }

        public Builder enabled(Boolean value) {
            enabled = value;
            return this;
        }

        public Builder batchSize(Integer value) {
            batchSize = value;
            return this;
        }

        public Builder maximumBatchingWindowInSeconds(Integer value) {
            maximumBatchingWindowInSeconds = value;
            return this;
        }

        public Builder sourceAccessConfigurations(List<SourceAccessConfiguration> value) {
            sourceAccessConfigurations = value;
            return this;
        }

        public Builder amazonManagedKafkaEventSourceConfig(KafkaEventSourceConfig value) {
            amazonManagedKafkaEventSourceConfig = value;
            return this;
        }

        public Builder selfManagedKafkaEventSourceConfig(KafkaEventSourceConfig value) {
            selfManagedKafkaEventSourceConfig = value;
            return this;
        }

        public Builder filterCriteria(FilterCriteria value) {
            filterCriteria = value;
            return this;
        }

        public Builder kmsKeyArn(String value) {
            kmsKeyArn = value;
            return this;
        }

        public Builder destinationConfig(DestinationConfig value) {
            destinationConfig = value;
            return this;
        }

        public Builder maximumRetryAttempts(Integer value) {
            maximumRetryAttempts = value;
            return this;
        }

        public Builder maximumRecordAgeInSeconds(Integer value) {
            maximumRecordAgeInSeconds = value;
            return this;
        }

        public Builder bisectBatchOnFunctionError(Boolean value) {
            bisectBatchOnFunctionError = value;
            return this;
        }

        public Builder functionResponseTypes(List<String> value) {
            functionResponseTypes = value;
            return this;
        }

        public Builder provisionedPollerConfig(ProvisionedPollerConfig value) {
            provisionedPollerConfig = value;
            return this;
        }

        public Builder metricsConfig(MetricsConfig value) {
            metricsConfig = value;
            return this;
        }

        public Builder loggingConfig(LoggingConfig value) {
            loggingConfig = value;
            return this;
        }

        public Builder eventSourceArn(String value) {
            eventSourceArn = value;
            return this;
        }

        public Builder selfManagedEventSource(SelfManagedEventSource value) {
            selfManagedEventSource = value;
            return this;
        }

        public Builder topics(List<String> value) {
            topics = value;
            return this;
        }

        public Builder startingPosition(String value) {
            startingPosition = value;
            return this;
        }

        public Builder startingPositionTimestamp(Instant value) {
            startingPositionTimestamp = value;
            return this;
        }

        public Builder tags(Map<String, String> value) {
            tags = value;
            return this;
        }

        public Builder parallelizationFactor(Integer value) {
            parallelizationFactor = value;
            return this;
        }

        public Builder tumblingWindowInSeconds(Integer value) {
            tumblingWindowInSeconds = value;
            return this;
        }

        public Builder scalingConfig(Map<String, Object> value) {
            scalingConfig = value;
            return this;
        }

        public Builder queues(List<String> value) {
            queues = value;
            return this;
        }

        public Builder documentDBEventSourceConfig(Map<String, Object> value) {
            documentDBEventSourceConfig = value;
            return this;
        }

        public UpdateEventSourceMappingRequest build() {
            return new UpdateEventSourceMappingRequest(functionName, enabled, batchSize,
                    maximumBatchingWindowInSeconds, sourceAccessConfigurations, amazonManagedKafkaEventSourceConfig,
                    selfManagedKafkaEventSourceConfig, filterCriteria, kmsKeyArn, destinationConfig,
                    maximumRetryAttempts, maximumRecordAgeInSeconds, bisectBatchOnFunctionError,
                    functionResponseTypes, provisionedPollerConfig, metricsConfig, loggingConfig, eventSourceArn,
                    selfManagedEventSource, topics, startingPosition, startingPositionTimestamp, tags,
                    parallelizationFactor, tumblingWindowInSeconds, scalingConfig, queues,
                    documentDBEventSourceConfig);
        }
    }
}
