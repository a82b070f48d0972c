package io.triggerlab.engine.runtime.destination;

import io.triggerlab.engine.infra.secrets.AwsDestinationSettings;
import java.util.Map;

/** Opens the destination a mapping's {@code DestinationConfig.OnFailure.Destination} names. */
public final class OnFailureDestinations {

    private OnFailureDestinations() {
    }

    /** As {@link #open(String, DestinationContext, Map, String, String, AwsDestinationSettings)}, SQS/SNS/S3 to the outbox. */
    public static OnFailureDestination open(String destination, DestinationContext context,
                                            Map<String, Object> clientProperties, String clientId) {
        return open(destination, context, clientProperties, clientId, "unknown-mapping", AwsDestinationSettings.DISABLED);
    }

    /**
     * @param destination      {@code kafka://<topic>} or an SQS/SNS/S3 ARN (already validated by the control plane)
     * @param clientProperties the source cluster's kafka-clients properties, for {@code kafka://}
     * @param clientId         the producer's client id, for {@code kafka://}
     * @param mappingUuid      the mapping's UUID, for S3 object keys
     * @param aws              whether SQS/SNS/S3 go to the real service ({@code aws.properties}) or the local outbox
     */
    public static OnFailureDestination open(String destination, DestinationContext context,
                                            Map<String, Object> clientProperties, String clientId, String mappingUuid,
                                            AwsDestinationSettings aws) {
        FailureRecords renderer = new FailureRecords(context);
        if (destination.startsWith(KafkaTopicDestination.SCHEME)) {
            return new KafkaTopicDestination(destination.substring(KafkaTopicDestination.SCHEME.length()), renderer,
                    clientProperties, clientId);
        }
        if (!aws.enabled()) {
            return new OutboxDestination(destination, renderer);
        }
        String service = Arn.parse(destination).service();
        switch (service) {
            case "sqs":
                return new SqsDestination(destination, renderer, aws);
            case "sns":
                return new SnsDestination(destination, renderer, aws);
            case "s3":
                return new S3Destination(destination, mappingUuid, renderer, aws);
            default:
                throw new IllegalArgumentException("On-failure destination " + destination + " is a " + service
                        + " ARN: Kafka mappings take an SQS queue, SNS topic or S3 bucket ARN, or kafka://<topic>");
        }
    }
}
