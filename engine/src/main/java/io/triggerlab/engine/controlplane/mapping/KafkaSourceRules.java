package io.triggerlab.engine.controlplane.mapping;

import io.triggerlab.engine.infra.cluster.KafkaCluster;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The create-time rules for a Kafka event source (docs/aws-behaviour.md#api-members, #authentication): exactly one source, its kind, the one topic,
 * the starting position, which source access types fit the kind, and the Kafka config matching the kind.
 */
final class KafkaSourceRules {

    static final Pattern MSK_VPC_CONNECTION_ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:kafka:[a-z0-9-]+:\\d{12}:vpc-connection/\\d{12}/[a-zA-Z0-9-]{1,64}/[a-zA-Z0-9-]+");

    private final Clock clock;

    KafkaSourceRules(Clock clock) {
        this.clock = clock;
    }

    void check(MappingRequest c) {
        boolean msk = source(c);
        topics(c.topics());
        startingPosition(c.startingPosition(), c.startingPositionTimestamp());
        accessTypes(c.sourceAccessConfigurations(), msk);
        if (msk && c.selfManagedKafkaEventSourceConfig() != null) {
            throw ProcessingRules.unsupported("selfManagedKafkaEventSourceConfig");
        }
        if (!msk && c.amazonManagedKafkaEventSourceConfig() != null) {
            throw ProcessingRules.unsupported("amazonManagedKafkaEventSourceConfig");
        }
    }

    /** Returns true for MSK, false for self-managed. */
    private static boolean source(MappingRequest c) {
        if (c.eventSourceArn() != null && c.selfManagedEventSource() != null) {
            throw new InvalidParameterValueException("Specify either EventSourceArn (an Amazon MSK cluster) or "
                    + "SelfManagedEventSource (a self-managed Apache Kafka cluster), not both");
        }
        if (c.eventSourceArn() == null && c.selfManagedEventSource() == null) {
            // AWS's own text for a request without a source (terraform-provider-aws#19425, docs/aws-behaviour.md#api-errors).
            throw new InvalidParameterValueException("Unsupported source arn : null");
        }
        if (c.selfManagedEventSource() != null) {
            if (c.selfManagedEventSource().bootstrapServers().isEmpty()) {
                throw new InvalidParameterValueException("SelfManagedEventSource needs Endpoints."
                        + SelfManagedEventSource.KAFKA_BOOTSTRAP_SERVERS + " with 1 to 10 host:port entries");
            }
            return false;
        }
        String arn = c.eventSourceArn();
        if (!KafkaCluster.CLUSTER_ARN.matcher(arn).matches() && !MSK_VPC_CONNECTION_ARN.matcher(arn).matches()) {
            throw new InvalidParameterValueException("Unsupported source arn : " + arn + ". TriggerLab runs Kafka event "
                    + "sources only: use an Amazon MSK cluster ARN (arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>), "
                    + "an MSK VPC connection ARN, or SelfManagedEventSource for a self-managed cluster");
        }
        return true;
    }

    private static void topics(List<String> topics) {
        if (topics == null || topics.isEmpty()) {
            throw new InvalidParameterValueException("Topics is required for a Kafka event source: give exactly one topic name");
        }
    }

    private void startingPosition(String position, Instant timestamp) {
        if (position == null) {
            throw new InvalidParameterValueException("StartingPosition is required for a Kafka event source: "
                    + "use TRIM_HORIZON, LATEST or AT_TIMESTAMP");
        }
        boolean atTimestamp = StartingPosition.AT_TIMESTAMP.name().equals(position);
        if (atTimestamp && timestamp == null) {
            throw new InvalidParameterValueException(
                    "StartingPositionTimestamp is required when StartingPosition is AT_TIMESTAMP");
        }
        if (!atTimestamp && timestamp != null) {
            throw new InvalidParameterValueException("StartingPositionTimestamp can only be set when StartingPosition "
                    + "is AT_TIMESTAMP (it is " + position + ")");
        }
        Instant now = clock.instant();
        if (atTimestamp && timestamp.isAfter(now)) {
            throw new InvalidParameterValueException("StartingPositionTimestamp " + timestamp + " is in the future: "
                    + "it cannot be later than the current time (" + now + ")");
        }
    }

    static void accessTypes(List<SourceAccessConfiguration> configs, boolean msk) {
        if (configs == null) {
            return;
        }
        for (SourceAccessConfiguration sac : configs) {
            SourceAccessType type = sac.accessType();
            if (msk && !SourceAccessType.MSK.contains(type)) {
                throw new InvalidParameterValueException("SourceAccessConfigurations type " + type + " is not supported "
                        + "for an Amazon MSK event source: use SASL_SCRAM_512_AUTH or CLIENT_CERTIFICATE_TLS_AUTH, or "
                        + "none for IAM or unauthenticated access (" + type + " is for self-managed Apache Kafka)");
            }
            if (!msk && !SourceAccessType.SELF_MANAGED.contains(type)) {
                throw new InvalidParameterValueException("SourceAccessConfigurations type " + type
                        + " is not supported for a Kafka event source (it is for Amazon MQ for RabbitMQ)");
            }
        }
    }
}
