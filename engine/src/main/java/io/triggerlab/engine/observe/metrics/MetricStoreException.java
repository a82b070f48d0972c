package io.triggerlab.engine.observe.metrics;

/** The metrics tables could not be read or written. */
public final class MetricStoreException extends RuntimeException {

    public MetricStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
