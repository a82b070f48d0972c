package io.triggerlab.engine.controlplane.mapping;

import java.time.Instant;
import java.util.List;

/**
 * Turns validated requests into mappings: AWS's defaults on create, "absent = unchanged" on update, and the
 * "empty value removes" conventions ({@code FilterCriteria {}}, {@code OnFailure.Destination ""}, {@code KMSKeyArn ""},
 * {@code ProvisionedPollerConfig {}}, {@code PollerGroupName ""}).
 */
final class MappingAssembler {

    private final String region;
    private final String accountId;

    MappingAssembler(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    EventSourceMapping create(String uuid, CreateEventSourceMappingRequest r, String functionArn, Instant now) {
        return EventSourceMapping.builder()
                .uuid(uuid)
                .eventSourceMappingArn(EventSourceMapping.arnOf(region, accountId, uuid))
                .functionArn(functionArn)
                .eventSourceArn(r.eventSourceArn())
                .selfManagedEventSource(r.selfManagedEventSource())
                .topics(r.topics())
                .startingPosition(StartingPosition.valueOf(r.startingPosition()))
                .startingPositionTimestamp(r.startingPositionTimestamp())
                .batchSize(orDefault(r.batchSize(), EventSourceMapping.DEFAULT_BATCH_SIZE))
                .maximumBatchingWindowInSeconds(r.maximumBatchingWindowInSeconds())
                .sourceAccessConfigurations(r.sourceAccessConfigurations())
                .amazonManagedKafkaEventSourceConfig(r.amazonManagedKafkaEventSourceConfig())
                .selfManagedKafkaEventSourceConfig(r.selfManagedKafkaEventSourceConfig())
                .filterCriteria(filters(r.filterCriteria()))
                .kmsKeyArn(emptyToNull(r.kmsKeyArn()))
                .destinationConfig(destination(r.destinationConfig()))
                .maximumRetryAttempts(orDefault(r.maximumRetryAttempts(), EventSourceMapping.INFINITE))
                .maximumRecordAgeInSeconds(orDefault(r.maximumRecordAgeInSeconds(), EventSourceMapping.INFINITE))
                .bisectBatchOnFunctionError(Boolean.TRUE.equals(r.bisectBatchOnFunctionError()))
                .functionResponseTypes(r.functionResponseTypes())
                .provisionedPollerConfig(pollers(r.provisionedPollerConfig()))
                .metricsConfig(metrics(r.metricsConfig()))
                .loggingConfig(r.loggingConfig())
                .tags(r.tags())
                .enabled(!Boolean.FALSE.equals(r.enabled()))
                .state(MappingState.CREATING)
                .stateTransitionReason(EventSourceMapping.USER_INITIATED)
                .lastProcessingResult(EventSourceMapping.NO_RECORDS_PROCESSED)
                .lastModified(now)
                .build();
    }

    /** @param functionArn the newly resolved function, or {@code null} when FunctionName was absent */
    EventSourceMapping update(EventSourceMapping m, UpdateEventSourceMappingRequest r, String functionArn, Instant now) {
        EventSourceMapping.Builder b = m.toBuilder()
                .state(MappingState.UPDATING)
                .stateTransitionReason(EventSourceMapping.USER_INITIATED)
                .lastModified(now);
        if (functionArn != null) {
            b.functionArn(functionArn);
        }
        if (r.enabled() != null) {
            b.enabled(r.enabled());
        }
        if (r.batchSize() != null) {
            b.batchSize(r.batchSize());
        }
        if (r.maximumBatchingWindowInSeconds() != null) {
            b.maximumBatchingWindowInSeconds(r.maximumBatchingWindowInSeconds());
        }
        if (r.sourceAccessConfigurations() != null) {
            b.sourceAccessConfigurations(r.sourceAccessConfigurations());
        }
        if (r.amazonManagedKafkaEventSourceConfig() != null) {
            b.amazonManagedKafkaEventSourceConfig(withRegistry(m.amazonManagedKafkaEventSourceConfig(),
                    r.amazonManagedKafkaEventSourceConfig()));
        }
        if (r.selfManagedKafkaEventSourceConfig() != null) {
            b.selfManagedKafkaEventSourceConfig(withRegistry(m.selfManagedKafkaEventSourceConfig(),
                    r.selfManagedKafkaEventSourceConfig()));
        }
        if (r.filterCriteria() != null) {
            b.filterCriteria(filters(r.filterCriteria()));
        }
        if (r.kmsKeyArn() != null) {
            b.kmsKeyArn(emptyToNull(r.kmsKeyArn()));
        }
        if (r.destinationConfig() != null) {
            b.destinationConfig(destination(r.destinationConfig()));
        }
        if (r.maximumRetryAttempts() != null) {
            b.maximumRetryAttempts(r.maximumRetryAttempts());
        }
        if (r.maximumRecordAgeInSeconds() != null) {
            b.maximumRecordAgeInSeconds(r.maximumRecordAgeInSeconds());
        }
        if (r.bisectBatchOnFunctionError() != null) {
            b.bisectBatchOnFunctionError(r.bisectBatchOnFunctionError());
        }
        if (r.functionResponseTypes() != null) {
            b.functionResponseTypes(r.functionResponseTypes());
        }
        if (r.provisionedPollerConfig() != null) {
            b.provisionedPollerConfig(pollers(r.provisionedPollerConfig()));
        }
        if (r.metricsConfig() != null) {
            b.metricsConfig(metrics(r.metricsConfig()));
        }
        if (r.loggingConfig() != null) {
            b.loggingConfig(r.loggingConfig().systemLogLevel() == null ? null : r.loggingConfig());
        }
        return b.build();
    }

    /** The consumer group is create-only; an update carries only the schema registry. */
    private static KafkaEventSourceConfig withRegistry(KafkaEventSourceConfig current, KafkaEventSourceConfig change) {
        String group = current == null ? null : current.consumerGroupId();
        return group == null && change.schemaRegistryConfig() == null
                ? null : new KafkaEventSourceConfig(group, change.schemaRegistryConfig());
    }

    private static FilterCriteria filters(FilterCriteria criteria) {
        return criteria == null || criteria.filters().isEmpty() ? null : criteria;
    }

    private static DestinationConfig destination(DestinationConfig config) {
        String target = config == null ? null : config.onFailureDestination();
        return target == null || target.isEmpty() ? null : DestinationConfig.onFailure(target);
    }

    private static ProvisionedPollerConfig pollers(ProvisionedPollerConfig config) {
        if (config == null || config.isEmpty()) {
            return null; // {} returns to on-demand mode
        }
        return new ProvisionedPollerConfig(
                orDefault(config.minimumPollers(), ProvisionedPollerConfig.DEFAULT_MINIMUM_POLLERS),
                orDefault(config.maximumPollers(), ProvisionedPollerConfig.DEFAULT_MAXIMUM_POLLERS),
                emptyToNull(config.pollerGroupName()));
    }

    private static MetricsConfig metrics(MetricsConfig config) {
        return config == null || config.metrics().isEmpty() ? null : new MetricsConfig(List.copyOf(config.metrics()));
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
