package io.triggerlab.engine.infra.auth;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.List;

/**
 * The Kafka ACLs a SASL/SCRAM, SASL/PLAIN or mTLS principal needs for Lambda to consume (docs/aws-behaviour.md#permissions): DescribeConfigs
 * on the cluster, Describe and Read on the consumer group (the mapping's UUID or ConsumerGroupId), Describe and Read
 * on the topic. Without them the mapping shows {@code PROBLEM: Cluster failed to authorize Lambda.}
 */
public final class KafkaAcls {

    /** Kafka's name for the cluster resource. */
    public static final String CLUSTER_RESOURCE = "kafka-cluster";

    private KafkaAcls() {
    }

    /**
     * @param principal e.g. {@code User:alice} (SCRAM/PLAIN user name, or the mTLS certificate's mapped name)
     * @param topic     the mapping's topic ({@code *} for every topic)
     * @param group     the mapping's consumer group ({@code *} for every group)
     */
    public static List<AclBinding> requiredFor(String principal, String topic, String group) {
        return List.of(
                allow(principal, ResourceType.CLUSTER, CLUSTER_RESOURCE, AclOperation.DESCRIBE_CONFIGS),
                allow(principal, ResourceType.GROUP, group, AclOperation.DESCRIBE),
                allow(principal, ResourceType.GROUP, group, AclOperation.READ),
                allow(principal, ResourceType.TOPIC, topic, AclOperation.DESCRIBE),
                allow(principal, ResourceType.TOPIC, topic, AclOperation.READ));
    }

    public static AclBinding allow(String principal, ResourceType type, String name, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    /** As {@code kafka-acls.sh} would be told, one line per ACL, for reports and the console. */
    public static List<String> describe(List<AclBinding> acls) {
        return acls.stream().map(a -> "ALLOW " + a.entry().principal() + " " + a.entry().operation() + " on "
                + a.pattern().resourceType() + " " + a.pattern().name()).toList();
    }
}
