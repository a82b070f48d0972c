package io.triggerlab.engine.controlplane.mapping;

/**
 * HTTP 400: the request breaks a constraint of Lambda's service model (a range, length, pattern, enum or list size).
 * Not one of the operation's modelled errors: AWS's request validation answers it before the operation runs, with the
 * text {@code N validation error(s) detected: Value '…' at '…' failed to satisfy constraint: …} (see {@link Violations};
 * evidence in {@code docs/aws-reading.md}).
 */
public final class ValidationException extends LambdaApiException {

    public ValidationException(String message) {
        super(400, message);
    }
}
