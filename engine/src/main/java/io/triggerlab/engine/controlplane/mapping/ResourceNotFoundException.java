package io.triggerlab.engine.controlplane.mapping;

/** HTTP 404: The resource specified in the request does not exist. */
public final class ResourceNotFoundException extends LambdaApiException {

    public ResourceNotFoundException(String message) {
        super(404, message);
    }
}
