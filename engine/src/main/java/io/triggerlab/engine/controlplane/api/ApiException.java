package io.triggerlab.engine.controlplane.api;

import io.triggerlab.engine.controlplane.mapping.LambdaApiException;

import java.util.Map;
import java.util.Objects;

/**
 * An error answered by the HTTP layer in AWS's rest-json error form: HTTP status, {@code X-Amzn-ErrorType} and a
 * message. It covers the protocol-level errors that the control plane's {@link LambdaApiException} does not model
 * (a body that cannot be deserialized, an unknown path, a wrong method, a wrong content type); a
 * {@code LambdaApiException} is answered the same way through {@link #of(LambdaApiException)}.
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final String errorType;
    private final Map<String, String> headers;

    ApiException(int status, String errorType, String message) {
        this(status, errorType, message, Map.of());
    }

    ApiException(int status, String errorType, String message, Map<String, String> headers) {
        super(Objects.requireNonNull(message, "message"));
        this.status = status;
        this.errorType = Objects.requireNonNull(errorType, "errorType");
        this.headers = Map.copyOf(headers);
    }

    static ApiException of(LambdaApiException e) {
        return new ApiException(e.httpStatus(), e.errorType(), e.getMessage());
    }

    /**
     * HTTP 400 {@code SerializationException}: the body is not JSON, or a member has the wrong JSON type. AWS's
     * rest-json front ends refuse such a body with this error before the operation's own validation runs (as
     * documented for Lambda in floci-io/floci#2537); the message names the member and the expected type.
     */
    static ApiException serialization(String message) {
        return new ApiException(400, "SerializationException", message);
    }

    /** HTTP 404 {@code UnknownOperationException}: no operation lives at this path. */
    static ApiException unknownOperation(String message) {
        return new ApiException(404, "UnknownOperationException", message);
    }

    /** HTTP 405 {@code MethodNotAllowedException} with the {@code Allow} header listing what the path takes. */
    static ApiException methodNotAllowed(String method, String path, String allowed) {
        return new ApiException(405, "MethodNotAllowedException", "The method " + method + " is not allowed on "
                + path + ": use " + allowed.replace(",", " or "), Map.of("Allow", allowed));
    }

    static ApiException resourceNotFound(String message) {
        return new ApiException(404, "ResourceNotFoundException", message);
    }

    static ApiException invalidParameter(String message) {
        return new ApiException(400, "InvalidParameterValueException", message);
    }

    int status() {
        return status;
    }

    String errorType() {
        return errorType;
    }

    /** {@code User} for 4xx, {@code Service} for 5xx (the {@code Type} member of AWS's error body). */
    String faultType() {
        return status >= 500 ? "Service" : "User";
    }

    Map<String, String> headers() {
        return headers;
    }
}
