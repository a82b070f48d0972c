package io.triggerlab.engine.observe.systemlog;

import java.util.List;
import java.util.Objects;

/**
 * What a {@code POLLER_STATUS_EVENT} reports in {@code kafkaEventSourceConnection}: one poller's consumer as built
 * and as the group assigned it.
 *
 * @param brokerEndpoints               the bootstrap string the consumer connects with
 * @param consumerId                    {@code <uuid>-<n>}
 * @param topics                        the topics it subscribes to
 * @param consumerGroupId               the mapping's consumer group
 * @param securityProtocol              {@code PLAINTEXT}, {@code SSL}, {@code SASL_SSL}…
 * @param saslMechanism                 {@code SCRAM-SHA-512}, {@code PLAIN}, {@code AWS_MSK_IAM}…, or {@code null} without SASL
 * @param totalPartitionCount           the partitions of its topics
 * @param partitionsAssignmentGeneration the group generation of this assignment
 * @param assignedPartitions            {@code <topic>-<partition>}, in order
 */
public record PollerConnection(String brokerEndpoints, String consumerId, List<String> topics, String consumerGroupId,
                               String securityProtocol, String saslMechanism, int totalPartitionCount,
                               int partitionsAssignmentGeneration, List<String> assignedPartitions) {

    public PollerConnection {
        Objects.requireNonNull(brokerEndpoints, "brokerEndpoints");
        Objects.requireNonNull(consumerId, "consumerId");
        topics = List.copyOf(topics);
        Objects.requireNonNull(consumerGroupId, "consumerGroupId");
        Objects.requireNonNull(securityProtocol, "securityProtocol");
        assignedPartitions = List.copyOf(assignedPartitions);
    }
}
