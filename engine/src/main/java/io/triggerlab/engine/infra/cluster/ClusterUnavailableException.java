package io.triggerlab.engine.infra.cluster;

/** The cluster in use did not answer, or refused, a request; the message says which cluster, what and why. */
public final class ClusterUnavailableException extends RuntimeException {

    public ClusterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
