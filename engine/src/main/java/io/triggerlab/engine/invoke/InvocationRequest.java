package io.triggerlab.engine.invoke;

import java.time.Duration;
import java.util.Objects;

/**
 * One synchronous invocation.
 *
 * @param payload   the exact event JSON bytes to send; valid only until {@code invoke} returns (the poller reuses its
 *                  buffer for the next event), so an invoker that needs them later copies them
 * @param requestId Lambda's request id for this invocation (a UUID)
 * @param timeout   the function's timeout; the invoker reports {@link InvocationResult.TimedOut} past it
 */
public record InvocationRequest(EventPayload payload, String requestId, Duration timeout) {
    public InvocationRequest {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** A request for a whole array of event bytes (a replay, a test), which the caller leaves unchanged. */
    public InvocationRequest(byte[] payload, String requestId, Duration timeout) {
        this(EventPayload.of(Objects.requireNonNull(payload, "payload")), requestId, timeout);
    }
}
