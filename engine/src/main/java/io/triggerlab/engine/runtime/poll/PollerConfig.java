package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.runtime.failure.DeliveryRules;
import io.triggerlab.engine.runtime.failure.GivenUpRecords;
import io.triggerlab.engine.runtime.failure.RetryBackoff;
import io.triggerlab.engine.runtime.batch.BatchPolicy;
import io.triggerlab.engine.infra.secrets.AwsDestinationSettings;
import io.triggerlab.engine.runtime.payload.EventSource;
import io.triggerlab.engine.runtime.schema.SchemaStage;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What one mapping's pollers need, taken from its event source mapping when it is enabled or updated.
 *
 * @param mappingUuid      the mapping's UUID (thread names, logs, history)
 * @param topic            the one topic the mapping reads
 * @param groupId          the consumer group: {@code ConsumerGroupId} or the mapping's UUID
 * @param initialPosition  where to start when the group has no committed offset
 * @param batchPolicy      BatchSize, batching window and the 6 MB payload limit
 * @param eventSource      {@code aws:kafka} + ARN, or {@code SelfManagedKafka}, and the bootstrap string for the payload
 * @param clientProperties kafka-clients properties for the cluster: bootstrap servers and security
 * @param functionTimeout  the function's timeout (the consumer must stay in the group while one invocation runs)
 * @param backoff          wait between attempts at a failing batch
 * @param delivery         filters, retry limits, record age, bisect, partial responses, on-failure destination
 * @param awsDestinations  whether SQS/SNS/S3 destinations reach the real service or the local outbox
 * @param schema           the {@code SchemaRegistryConfig} stage records pass before the filters, or {@code null}
 */
public record PollerConfig(String mappingUuid, String topic, String groupId, InitialPosition initialPosition,
                           BatchPolicy batchPolicy, EventSource eventSource, Map<String, Object> clientProperties,
                           Duration functionTimeout, RetryBackoff backoff, DeliveryRules delivery,
                           AwsDestinationSettings awsDestinations, SchemaStage schema) {

    /** A config without a schema registry. */
    public PollerConfig(String mappingUuid, String topic, String groupId, InitialPosition initialPosition,
                        BatchPolicy batchPolicy, EventSource eventSource, Map<String, Object> clientProperties,
                        Duration functionTimeout, RetryBackoff backoff, DeliveryRules delivery,
                        AwsDestinationSettings awsDestinations) {
        this(mappingUuid, topic, groupId, initialPosition, batchPolicy, eventSource, clientProperties, functionTimeout,
                backoff, delivery, awsDestinations, null);
    }

    /** A config whose SQS/SNS/S3 destinations go to the local outbox. */
    public PollerConfig(String mappingUuid, String topic, String groupId, InitialPosition initialPosition,
                        BatchPolicy batchPolicy, EventSource eventSource, Map<String, Object> clientProperties,
                        Duration functionTimeout, RetryBackoff backoff, DeliveryRules delivery) {
        this(mappingUuid, topic, groupId, initialPosition, batchPolicy, eventSource, clientProperties, functionTimeout,
                backoff, delivery, AwsDestinationSettings.DISABLED);
    }

    /** A config with Lambda's classic delivery: no filters, retry the whole batch until it succeeds. */
    public PollerConfig(String mappingUuid, String topic, String groupId, InitialPosition initialPosition,
                        BatchPolicy batchPolicy, EventSource eventSource, Map<String, Object> clientProperties,
                        Duration functionTimeout, RetryBackoff backoff) {
        this(mappingUuid, topic, groupId, initialPosition, batchPolicy, eventSource, clientProperties, functionTimeout,
                backoff, DeliveryRules.CLASSIC);
    }

    /** Where this mapping's on-failure destination finds its cluster, credentials and AWS settings. */
    public GivenUpRecords.DestinationSource destinationSource() {
        return new GivenUpRecords.DestinationSource(eventSource, clientProperties, awsDestinations);
    }

    public PollerConfig {
        Objects.requireNonNull(mappingUuid, "mappingUuid");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(initialPosition, "initialPosition");
        Objects.requireNonNull(batchPolicy, "batchPolicy");
        Objects.requireNonNull(eventSource, "eventSource");
        clientProperties = Map.copyOf(clientProperties);
        if (!clientProperties.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("Poller client properties need bootstrap.servers");
        }
        Objects.requireNonNull(functionTimeout, "functionTimeout");
        backoff = backoff == null ? RetryBackoff.DEFAULT : backoff;
        delivery = delivery == null ? DeliveryRules.CLASSIC : delivery;
        awsDestinations = awsDestinations == null ? AwsDestinationSettings.DISABLED : awsDestinations;
    }
}
