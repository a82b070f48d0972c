package io.triggerlab.engine.infra.sandbox;

/** The embedded broker could not start; the message says where and why. */
public final class BrokerStartException extends RuntimeException {
    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
