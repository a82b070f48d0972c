package io.triggerlab.engine.destination;

import java.util.Map;

/** Opens the destination a mapping's {@code DestinationConfig.OnFailure.Destination} names. */
public final class OnFailureDestinations {

    private OnFailureDestinations() {
    }

    /**
     * @param destination      {@code kafka://<topic>} or an SQS/SNS/S3 ARN (already validated by the control plane)
     * @param clientProperties the source cluster's kafka-clients properties, for {@code kafka://}
     * @param clientId         the producer's client id, for {@code kafka://}
     */
    public static OnFailureDestination open(String destination, DestinationContext context,
                                            Map<String, Object> clientProperties, String clientId) {
        FailureRecords renderer = new FailureRecords(context);
        if (destination.startsWith(KafkaTopicDestination.SCHEME)) {
            return new KafkaTopicDestination(destination.substring(KafkaTopicDestination.SCHEME.length()), renderer,
                    clientProperties, clientId);
        }
        return new OutboxDestination(destination, renderer);
    }
}
