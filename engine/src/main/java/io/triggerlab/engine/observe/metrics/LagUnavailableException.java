package io.triggerlab.engine.observe.metrics;

/** The broker could not say how far a mapping lags (unreachable, topic gone, timeout); the sample has no lag. */
public final class LagUnavailableException extends RuntimeException {

    public LagUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
