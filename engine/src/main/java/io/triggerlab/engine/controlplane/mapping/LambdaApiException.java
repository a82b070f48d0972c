package io.triggerlab.engine.controlplane.mapping;

import java.util.Objects;

/**
 * An error of Lambda's control-plane API, carrying what the HTTP layer needs to answer exactly as AWS does: the error
 * type name (the {@code X-Amzn-ErrorType} header), the HTTP status and the message.
 */
public abstract sealed class LambdaApiException extends RuntimeException
        permits InvalidParameterValueException, ResourceConflictException, ResourceNotFoundException,
        ResourceInUseException, ServiceException, TooManyRequestsException, RequestTooLargeException,
        ValidationException {

    private final int httpStatus;

    protected LambdaApiException(int httpStatus, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.httpStatus = httpStatus;
    }

    /** AWS's error type name, e.g. {@code InvalidParameterValueException}. */
    public String errorType() {
        return getClass().getSimpleName();
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The {@code Type} member of AWS's error body: {@code User} for 4xx, {@code Service} for 5xx. */
    public String faultType() {
        return httpStatus >= 500 ? "Service" : "User";
    }
}
