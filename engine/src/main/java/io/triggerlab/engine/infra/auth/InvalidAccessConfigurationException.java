package io.triggerlab.engine.infra.auth;

/**
 * A {@code SourceAccessConfigurations} combination that AWS would refuse, or one the cluster cannot serve (MSK: the
 * cluster has no brokers for the chosen method, and Lambda never falls back to a weaker one). The message says which
 * entries clash and what to do.
 */
public final class InvalidAccessConfigurationException extends RuntimeException {

    public InvalidAccessConfigurationException(String message) {
        super(message);
    }
}
