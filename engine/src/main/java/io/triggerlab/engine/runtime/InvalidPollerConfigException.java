package io.triggerlab.engine.runtime;

/** A mapping cannot be polled as configured (its function or cluster is gone); the message says what to fix. */
public final class InvalidPollerConfigException extends RuntimeException {
    public InvalidPollerConfigException(String message) {
        super(message);
    }
}
