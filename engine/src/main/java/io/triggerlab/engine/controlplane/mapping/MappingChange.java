package io.triggerlab.engine.controlplane.mapping;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The members of a Create or Update request in one shape, so that the rules are written once. {@code null} = absent.
 */
record MappingChange(
        String functionName, String eventSourceArn, SelfManagedEventSource selfManagedEventSource, List<String> topics,
        String startingPosition, Instant startingPositionTimestamp, Boolean enabled, Integer batchSize,
        Integer maximumBatchingWindowInSeconds, List<SourceAccessConfiguration> sourceAccessConfigurations,
        KafkaEventSourceConfig amazonManagedKafkaEventSourceConfig,
        KafkaEventSourceConfig selfManagedKafkaEventSourceConfig, FilterCriteria filterCriteria, String kmsKeyArn,
        DestinationConfig destinationConfig, Integer maximumRetryAttempts, Integer maximumRecordAgeInSeconds,
        Boolean bisectBatchOnFunctionError, List<String> functionResponseTypes,
        ProvisionedPollerConfig provisionedPollerConfig, MetricsConfig metricsConfig, LoggingConfig loggingConfig,
        Map<String, String> tags, Integer parallelizationFactor, Integer tumblingWindowInSeconds,
        Map<String, Object> scalingConfig, List<String> queues, Map<String, Object> documentDBEventSourceConfig) {

    static MappingChange of(CreateEventSourceMappingRequest r) {
        return new MappingChange(r.functionName(), r.eventSourceArn(), r.selfManagedEventSource(), r.topics(),
                r.startingPosition(), r.startingPositionTimestamp(), r.enabled(), r.batchSize(),
                r.maximumBatchingWindowInSeconds(), r.sourceAccessConfigurations(),
                r.amazonManagedKafkaEventSourceConfig(), r.selfManagedKafkaEventSourceConfig(), r.filterCriteria(),
                r.kmsKeyArn(), r.destinationConfig(), r.maximumRetryAttempts(), r.maximumRecordAgeInSeconds(),
                r.bisectBatchOnFunctionError(), r.functionResponseTypes(), r.provisionedPollerConfig(),
                r.metricsConfig(), r.loggingConfig(), r.tags(), r.parallelizationFactor(), r.tumblingWindowInSeconds(),
                r.scalingConfig(), r.queues(), r.documentDBEventSourceConfig());
    }

    static MappingChange of(UpdateEventSourceMappingRequest r) {
        return new MappingChange(r.functionName(), r.eventSourceArn(), r.selfManagedEventSource(), r.topics(),
                r.startingPosition(), r.startingPositionTimestamp(), r.enabled(), r.batchSize(),
                r.maximumBatchingWindowInSeconds(), r.sourceAccessConfigurations(),
                r.amazonManagedKafkaEventSourceConfig(), r.selfManagedKafkaEventSourceConfig(), r.filterCriteria(),
                r.kmsKeyArn(), r.destinationConfig(), r.maximumRetryAttempts(), r.maximumRecordAgeInSeconds(),
                r.bisectBatchOnFunctionError(), r.functionResponseTypes(), r.provisionedPollerConfig(),
                r.metricsConfig(), r.loggingConfig(), r.tags(), r.parallelizationFactor(), r.tumblingWindowInSeconds(),
                r.scalingConfig(), r.queues(), r.documentDBEventSourceConfig());
    }
}
