package io.triggerlab.engine.controlplane.mapping;

/** HTTP 500: The engine encountered an internal error. */
public final class ServiceException extends LambdaApiException {

    public ServiceException(String message) {
        super(500, message);
    }
}
