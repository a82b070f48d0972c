package io.triggerlab.engine.poller;

import io.triggerlab.engine.batch.BatchPolicy;
import io.triggerlab.engine.cluster.ClusterRegistry;
import io.triggerlab.engine.cluster.KafkaCluster;
import io.triggerlab.engine.event.EventSource;
import io.triggerlab.engine.function.FunctionDefinition;
import io.triggerlab.engine.filter.RecordFilter;
import io.triggerlab.engine.mapping.EventSourceMapping;
import io.triggerlab.engine.mapping.FilterCriteria;

import java.util.List;
import java.util.Map;

/** Derives what the pollers need from a mapping, its function and its cluster. */
final class PollerConfigs {

    private final ClusterRegistry clusters;

    PollerConfigs(ClusterRegistry clusters) {
        this.clusters = clusters;
    }

    PollerConfig of(EventSourceMapping mapping, FunctionDefinition function) {
        String bootstrap = bootstrapServers(mapping);
        EventSource source = mapping.isMsk()
                ? EventSource.msk(mapping.eventSourceArn(), bootstrap)
                : EventSource.selfManaged(bootstrap);
        return new PollerConfig(mapping.uuid(), mapping.topic(), mapping.consumerGroupId(), initialPosition(mapping),
                BatchPolicy.of(mapping.batchSize(), mapping.batchingWindow()), source,
                Map.of("bootstrap.servers", bootstrap), function.timeout(), RetryBackoff.DEFAULT, deliveryRules(mapping));
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

    /**
     * MSK: the cluster's brokers for the access method in use, as {@code GetBootstrapBrokers} would give them
     * (plaintext until cluster authentication arrives). Self-managed: the mapping's own endpoints.
     */
    String bootstrapServers(EventSourceMapping mapping) {
        if (!mapping.isMsk()) {
            return String.join(",", mapping.selfManagedEventSource().bootstrapServers());
        }
        KafkaCluster cluster = clusters.findForEventSource(mapping.eventSourceArn())
                .orElseThrow(() -> new InvalidPollerConfigException("Cluster not found: " + mapping.eventSourceArn()
                        + ". Register it again (triggerlab cluster add) or delete this mapping."));
        String plaintext = cluster.bootstrapBrokers().plaintext();
        if (plaintext == null) {
            throw new InvalidPollerConfigException("Cluster " + mapping.eventSourceArn()
                    + " has no plaintext brokers, and this TriggerLab build cannot authenticate to MSK yet.");
        }
        return plaintext;
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
