package io.triggerlab.engine.invoke;

import java.time.Duration;
import java.util.Objects;

/**
 * One synchronous invocation.
 *
 * @param payload   the exact event JSON bytes to send
 * @param requestId Lambda's request id for this invocation (a UUID)
 * @param timeout   the function's timeout; the invoker reports {@link InvocationResult.TimedOut} past it
 */
public record InvocationRequest(byte[] payload, String requestId, Duration timeout) {
    public InvocationRequest {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(timeout, "timeout");
    }
}
