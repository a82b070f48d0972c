package io.triggerlab.engine.runtime;

import io.triggerlab.engine.runtime.failure.DeliveryRules;
import io.triggerlab.engine.runtime.failure.RetryBackoff;
import io.triggerlab.engine.runtime.poll.InitialPosition;
import io.triggerlab.engine.runtime.poll.PollerConfig;
import io.triggerlab.engine.infra.secrets.AwsDestinationSettings;
import io.triggerlab.engine.infra.auth.AccessConfigurations;
import io.triggerlab.engine.infra.auth.ClientSecurityProperties;
import io.triggerlab.engine.infra.auth.ClusterAuth;
import io.triggerlab.engine.infra.auth.InvalidAccessConfigurationException;
import io.triggerlab.engine.infra.auth.MskAccess;
import io.triggerlab.engine.runtime.batch.BatchPolicy;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.runtime.payload.EventSource;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.runtime.filter.RecordFilter;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.FilterCriteria;
import io.triggerlab.engine.controlplane.mapping.KafkaEventSourceConfig;
import io.triggerlab.engine.controlplane.mapping.SchemaRegistryConfig;
import io.triggerlab.engine.infra.schema.SchemaRegistryUnavailableException;
import io.triggerlab.engine.runtime.schema.SchemaRegistryAccess;
import io.triggerlab.engine.runtime.schema.SchemaStage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Derives what the pollers need from a mapping, its function and its cluster. */
final class PollerConfigs {

    private final ClusterRegistry clusters;

    private final AwsDestinationSettings awsDestinations;
    private final SchemaRegistryAccess schemaRegistries;
    private final RetryBackoff backoff;

    /**
     * @param schemaRegistries how SchemaRegistryConfig reaches its registry, or {@code null} to ignore it
     * @param backoff          the wait between attempts at a failing batch
     */
    PollerConfigs(ClusterRegistry clusters, AwsDestinationSettings awsDestinations,
                  SchemaRegistryAccess schemaRegistries, RetryBackoff backoff) {
        this.clusters = clusters;
        this.awsDestinations = awsDestinations;
        this.schemaRegistries = schemaRegistries;
        this.backoff = backoff;
    }

    PollerConfig of(EventSourceMapping mapping, FunctionDefinition function) {
        MskAccess access = access(mapping);
        String bootstrap = access.bootstrapServers();
        EventSource source = mapping.isMsk()
                ? EventSource.msk(mapping.eventSourceArn(), bootstrap)
                : EventSource.selfManaged(bootstrap);
        Map<String, Object> client = new HashMap<>();
        client.put("bootstrap.servers", bootstrap);
        if (!(access.auth() instanceof ClusterAuth.Plaintext)) {
            // Secrets are read when the consumer is made (SecuredConsumerFactory), never kept in the config.
            client.put(ClientSecurityProperties.CLUSTER_AUTH_PROPERTY, access.auth());
        }
        return new PollerConfig(mapping.uuid(), mapping.topic(), mapping.consumerGroupId(), initialPosition(mapping),
                BatchPolicy.of(mapping.batchSize(), mapping.batchingWindow()), source,
                client, function.timeout(), backoff, deliveryRules(mapping), awsDestinations,
                schemaStage(mapping));
    }

    /**
     * The mapping's schema registry stage: the attributes named in {@code SchemaValidationConfigs} are validated and
     * decoded; none named, nothing to do. Its secrets are read here, so a bad one is the mapping's PROBLEM at once.
     */
    private SchemaStage schemaStage(EventSourceMapping mapping) {
        KafkaEventSourceConfig kafka = mapping.kafkaEventSourceConfig();
        SchemaRegistryConfig registry = kafka == null ? null : kafka.schemaRegistryConfig();
        if (registry == null || schemaRegistries == null || registry.schemaValidationConfigs().isEmpty()) {
            return null;
        }
        List<String> attributes = registry.schemaValidationConfigs().stream()
                .map(SchemaRegistryConfig.ValidationConfig::attribute).toList();
        try {
            return new SchemaStage(schemaRegistries.client(registry), !"SOURCE".equals(registry.eventRecordFormat()),
                    attributes.contains("KEY"), attributes.contains("VALUE"));
        } catch (SchemaRegistryUnavailableException e) {
            throw new InvalidPollerConfigException(e.getMessage());
        }
    }

    /** Filters and the error controls, with AWS's effective values (-1 retries + a destination = 10 retries). */
    static DeliveryRules deliveryRules(EventSourceMapping mapping) {
        List<String> patterns = mapping.filterCriteria() == null ? List.of()
                : mapping.filterCriteria().filters().stream().map(FilterCriteria.Filter::pattern).toList();
        String destination = mapping.destinationConfig() == null ? null : mapping.destinationConfig().onFailureDestination();
        return DeliveryRules.of(RecordFilter.of(patterns), mapping.maximumRetryAttempts(),
                mapping.maximumRecordAgeInSeconds(), mapping.bisectBatchOnFunctionError(),
                mapping.reportsBatchItemFailures(), destination, mapping.functionArn());
    }

    /** The bootstrap string the pollers and the event payload use. */
    String bootstrapServers(EventSourceMapping mapping) {
        return access(mapping).bootstrapServers();
    }

    /** See {@link AccessConfigurations#forMapping}; a mapping whose access cannot be resolved cannot be polled. */
    private MskAccess access(EventSourceMapping mapping) {
        try {
            return AccessConfigurations.forMapping(mapping, clusters)
                    .orElseThrow(() -> new InvalidPollerConfigException("Cluster not found: " + mapping.eventSourceArn()
                            + ". Register it again (triggerlab cluster add) or delete this mapping."));
        } catch (InvalidAccessConfigurationException e) {
            throw new InvalidPollerConfigException(e.getMessage());
        }
    }

    private static InitialPosition initialPosition(EventSourceMapping mapping) {
        switch (mapping.startingPosition()) {
            case TRIM_HORIZON:
                return new InitialPosition.Earliest();
            case AT_TIMESTAMP:
                return new InitialPosition.AtTimestamp(mapping.startingPositionTimestamp());
            case LATEST:
            default:
                return new InitialPosition.Latest();
        }
    }
}
