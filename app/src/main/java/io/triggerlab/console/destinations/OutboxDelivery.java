package io.triggerlab.console.destinations;

import io.triggerlab.engine.observe.history.InvocationOutcome;

/** Where a failure record went, as the history row's note tells it. */
public enum OutboxDelivery {
    PRODUCED_TO_KAFKA("Produced to the Kafka topic"),
    DELIVERED_TO_AWS("Delivered to AWS for real"),
    KEPT_LOCALLY("Kept locally (outbox) — not sent to AWS"),
    FAILED("Delivery failed — records dropped");

    private final String label;

    OutboxDelivery(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Reads the engine's note: the local outbox says "kept in the local outbox", a Kafka destination names its
     * {@code kafka://} topic, and SQS/SNS/S3 deliveries say where they were sent (destination/*Destination).
     */
    static OutboxDelivery of(InvocationOutcome outcome, String note) {
        if (outcome == InvocationOutcome.DESTINATION_FAILED) {
            return FAILED;
        }
        String text = note == null ? "" : note;
        if (text.contains("kept in the local outbox")) {
            return KEPT_LOCALLY;
        }
        return text.contains("kafka://") ? PRODUCED_TO_KAFKA : DELIVERED_TO_AWS;
    }
}
