package io.triggerlab.engine.observe.metrics;

/** The broker could not say how far a mapping lags (unreachable, topic gone, timeout); the sample has no lag. */
public final class LagUnavailableException extends RuntimeException {

    private final LagStatus status;

    public LagUnavailableException(String message, Throwable cause) {
        super(message, cause);
        // Unknown topic, no leader yet: Kafka's "metadata not ready" family, what a topic being created answers.
        this.status = cause instanceof org.apache.kafka.common.errors.InvalidMetadataException
                ? LagStatus.TOPIC_NOT_READY : LagStatus.UNREADABLE;
    }

    /** {@link LagStatus#TOPIC_NOT_READY} or {@link LagStatus#UNREADABLE}. */
    public LagStatus status() {
        return status;
    }
}
