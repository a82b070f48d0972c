package io.triggerlab.engine.controlplane.mapping;

/**
 * {@code DestinationConfig}. Only {@code OnFailure} applies to event source mappings;
 * {@code {"OnFailure":{"Destination":""}}} removes it on update.
 */
public record DestinationConfig(Destination onSuccess, Destination onFailure) {

    public static DestinationConfig onFailure(String destination) {
        return new DestinationConfig(null, new Destination(destination));
    }

    /** The on-failure destination (SQS/SNS/S3 ARN or {@code kafka://<topic>}), or {@code null}. */
    public String onFailureDestination() {
        return onFailure == null ? null : onFailure.destination();
    }

    /** {@code {"Destination":…}} */
    public record Destination(String destination) {
    }
}
