package io.triggerlab.engine.controlplane.sam;

import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.DestinationConfig;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.FilterCriteria;
import io.triggerlab.engine.controlplane.mapping.KafkaEventSourceConfig;
import io.triggerlab.engine.controlplane.mapping.LoggingConfig;
import io.triggerlab.engine.controlplane.mapping.MetricsConfig;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.controlplane.mapping.SchemaRegistryConfig;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a re-import changes on a trigger that already exists: the template is the truth, so a member it no longer sets
 * returns to Lambda's default (FilterCriteria, DestinationConfig, ProvisionedPollerConfig, MetricsConfig and
 * LoggingConfig are removed; BatchSize 100, Enabled, retries and record age infinite, no bisect, no response types) —
 * as CloudFormation does when a property is removed. The batching window is left as it is when the template does not
 * set it, since the API cannot express Kafka's 500 ms default. Only members that differ are sent.
 */
final class TriggerDifference {

    private final UpdateEventSourceMappingRequest.Builder update = UpdateEventSourceMappingRequest.builder();
    private final List<String> changed = new ArrayList<>();

    /** @throws UnmappableException when the template asks for a change AWS allows only by re-creating the trigger */
    TriggerDifference(CreateEventSourceMappingRequest want, EventSourceMapping have, int line) {
        KafkaEventSourceConfig wantKafka = have.isMsk() ? want.amazonManagedKafkaEventSourceConfig()
                : want.selfManagedKafkaEventSourceConfig();
        KafkaEventSourceConfig haveKafka = have.kafkaEventSourceConfig();
        String wantGroup = wantKafka == null ? null : wantKafka.consumerGroupId();
        String haveGroup = haveKafka == null ? null : haveKafka.consumerGroupId();
        if (!Objects.equals(wantGroup, haveGroup)) {
            throw new UnmappableException(line, "ConsumerGroupId cannot change on an existing trigger (" + have.uuid()
                    + " uses " + (haveGroup == null ? "its UUID" : haveGroup) + "): AWS replaces the mapping for that; "
                    + "delete the trigger and import again");
        }
        if (differs("Enabled", orDefault(want.enabled(), true), have.enabled())) {
            update.enabled(orDefault(want.enabled(), true));
        }
        if (differs("BatchSize", orDefault(want.batchSize(), EventSourceMapping.DEFAULT_BATCH_SIZE), have.batchSize())) {
            update.batchSize(orDefault(want.batchSize(), EventSourceMapping.DEFAULT_BATCH_SIZE));
        }
        if (want.maximumBatchingWindowInSeconds() != null
                && differs("MaximumBatchingWindowInSeconds", want.maximumBatchingWindowInSeconds(),
                have.maximumBatchingWindowInSeconds())) {
            update.maximumBatchingWindowInSeconds(want.maximumBatchingWindowInSeconds());
        }
        List<?> access = want.sourceAccessConfigurations() == null ? List.of() : want.sourceAccessConfigurations();
        if (differs("SourceAccessConfigurations", access, have.sourceAccessConfigurations())) {
            update.sourceAccessConfigurations(want.sourceAccessConfigurations() == null ? List.of()
                    : want.sourceAccessConfigurations());
        }
        SchemaRegistryConfig wantRegistry = wantKafka == null ? null : wantKafka.schemaRegistryConfig();
        if (differs("SchemaRegistryConfig", wantRegistry, haveKafka == null ? null : haveKafka.schemaRegistryConfig())) {
            KafkaEventSourceConfig config = new KafkaEventSourceConfig(null, wantRegistry);
            if (have.isMsk()) {
                update.amazonManagedKafkaEventSourceConfig(config);
            } else {
                update.selfManagedKafkaEventSourceConfig(config);
            }
        }
        FilterCriteria filters = want.filterCriteria() == null || want.filterCriteria().filters().isEmpty()
                ? null : want.filterCriteria();
        if (differs("FilterCriteria", filters, have.filterCriteria())) {
            update.filterCriteria(filters == null ? new FilterCriteria(List.of()) : filters);
        }
        if (differs("KmsKeyArn", want.kmsKeyArn(), have.kmsKeyArn())) {
            update.kmsKeyArn(want.kmsKeyArn() == null ? "" : want.kmsKeyArn());
        }
        String destination = Optional.ofNullable(want.destinationConfig()).map(DestinationConfig::onFailureDestination)
                .filter(d -> !d.isEmpty()).orElse(null);
        if (differs("DestinationConfig", destination,
                have.destinationConfig() == null ? null : have.destinationConfig().onFailureDestination())) {
            update.destinationConfig(DestinationConfig.onFailure(destination == null ? "" : destination));
        }
        retries(want, have);
        pollers(want.provisionedPollerConfig(), have.provisionedPollerConfig());
        MetricsConfig metrics = want.metricsConfig() == null || want.metricsConfig().metrics().isEmpty()
                ? null : want.metricsConfig();
        if (differs("MetricsConfig", metrics, have.metricsConfig())) {
            update.metricsConfig(metrics == null ? new MetricsConfig(List.of()) : metrics);
        }
        LoggingConfig logging = want.loggingConfig() == null || want.loggingConfig().systemLogLevel() == null
                ? null : want.loggingConfig();
        if (differs("LoggingConfig", logging, have.loggingConfig())) {
            update.loggingConfig(logging == null ? new LoggingConfig(null) : logging);
        }
    }

    private void retries(CreateEventSourceMappingRequest want, EventSourceMapping have) {
        int attempts = orDefault(want.maximumRetryAttempts(), EventSourceMapping.INFINITE);
        if (differs("MaximumRetryAttempts", attempts, have.maximumRetryAttempts())) {
            update.maximumRetryAttempts(attempts);
        }
        int age = orDefault(want.maximumRecordAgeInSeconds(), EventSourceMapping.INFINITE);
        if (differs("MaximumRecordAgeInSeconds", age, have.maximumRecordAgeInSeconds())) {
            update.maximumRecordAgeInSeconds(age);
        }
        boolean bisect = orDefault(want.bisectBatchOnFunctionError(), false);
        if (differs("BisectBatchOnFunctionError", bisect, have.bisectBatchOnFunctionError())) {
            update.bisectBatchOnFunctionError(bisect);
        }
        List<String> types = want.functionResponseTypes() == null ? List.of() : want.functionResponseTypes();
        if (differs("FunctionResponseTypes", types, have.functionResponseTypes())) {
            update.functionResponseTypes(types);
        }
    }

    private void pollers(ProvisionedPollerConfig want, ProvisionedPollerConfig have) {
        ProvisionedPollerConfig normal = want == null || want.isEmpty() ? null : new ProvisionedPollerConfig(
                orDefault(want.minimumPollers(), ProvisionedPollerConfig.DEFAULT_MINIMUM_POLLERS),
                orDefault(want.maximumPollers(), ProvisionedPollerConfig.DEFAULT_MAXIMUM_POLLERS),
                want.pollerGroupName() == null || want.pollerGroupName().isEmpty() ? null : want.pollerGroupName());
        if (differs("ProvisionedPollerConfig", normal, have)) {
            update.provisionedPollerConfig(normal == null ? new ProvisionedPollerConfig(null, null, null) : normal);
        }
    }

    /** The members that differ, by AWS name; empty when the trigger already is as the template says. */
    List<String> changed() {
        return List.copyOf(changed);
    }

    UpdateEventSourceMappingRequest request() {
        return update.build();
    }

    private boolean differs(String member, Object want, Object have) {
        boolean differs = !Objects.equals(want, have);
        if (differs) {
            changed.add(member);
        }
        return differs;
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
