package io.triggerlab.engine.infra.auth;

/**
 * Why pollers cannot read from a cluster, with AWS's exact {@code LastProcessingResult} text (docs/aws-behaviour.md#response, #connection-problems) and the
 * {@code StateTransitionReason} AWS uses when it stops a mapping for that cause. TriggerLab keeps such a mapping
 * Enabled and retrying with backoff, so it reaches {@code OK} by itself once the cause is fixed; the reason is
 * exposed for display.
 */
public enum ConnectionProblem {
    SASL_AUTHENTICATION_FAILED("PROBLEM: SASL authentication failed.", "EVENT_SOURCE_AUTHN_ERROR"),
    CLUSTER_FAILED_TO_AUTHORIZE("PROBLEM: Cluster failed to authorize Lambda.", "EVENT_SOURCE_AUTHZ_ERROR"),
    SERVER_FAILED_TO_AUTHENTICATE_LAMBDA("PROBLEM: Server failed to authenticate Lambda.", "EVENT_SOURCE_AUTHN_ERROR"),
    LAMBDA_FAILED_TO_AUTHENTICATE_SERVER("PROBLEM: Lambda failed to authenticate server.", "EVENT_SOURCE_AUTHN_ERROR"),
    INVALID_CERTIFICATE_OR_KEY("PROBLEM: Provided certificate or private key is invalid.", "EVENT_SOURCE_AUTHN_ERROR"),
    CONNECTION_ERROR("PROBLEM: Connection error. Please check your event source connection configuration.", null);

    private final String lastProcessingResult;
    private final String stateTransitionReason;

    ConnectionProblem(String lastProcessingResult, String stateTransitionReason) {
        this.lastProcessingResult = lastProcessingResult;
        this.stateTransitionReason = stateTransitionReason;
    }

    /** AWS's text, e.g. {@code PROBLEM: SASL authentication failed.} */
    public String lastProcessingResult() {
        return lastProcessingResult;
    }

    /** {@code EVENT_SOURCE_AUTHN_ERROR} / {@code EVENT_SOURCE_AUTHZ_ERROR}, or {@code null} for connection errors. */
    public String stateTransitionReason() {
        return stateTransitionReason;
    }
}
