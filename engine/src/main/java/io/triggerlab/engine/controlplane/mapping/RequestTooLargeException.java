package io.triggerlab.engine.controlplane.mapping;

/** HTTP 413: The request payload exceeded the size limit. */
public final class RequestTooLargeException extends LambdaApiException {

    public RequestTooLargeException(String message) {
        super(413, message);
    }
}
