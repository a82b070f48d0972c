package io.triggerlab.engine.controlplane.mapping;

import java.time.Duration;

/**
 * HTTP 429: the request rate or concurrency limit was exceeded.
 *
 * @see #reason() one of AWS's {@code Reason} values, e.g. {@code CallerRateLimitExceeded}, or {@code null}
 */
public final class TooManyRequestsException extends LambdaApiException {

    private final String reason;
    private final Duration retryAfter;

    public TooManyRequestsException(String message, String reason, Duration retryAfter) {
        super(429, message);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public String reason() {
        return reason;
    }

    /** Value for the {@code Retry-After} header, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
