package io.triggerlab.engine.infra.auth;

import org.apache.kafka.common.KafkaException;

import java.util.Objects;

/**
 * The pollers' client cannot be set up for the cluster's security: a secret is missing or malformed, or a key or
 * certificate is invalid. A {@link KafkaException} so that the poller treats it like any polling failure: report the
 * {@link #problem()}, back off, try again (with the secret read afresh). The message never holds a secret value.
 */
public final class ClientSecurityException extends KafkaException {

    private final ConnectionProblem problem;

    public ClientSecurityException(ConnectionProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public ConnectionProblem problem() {
        return problem;
    }
}
