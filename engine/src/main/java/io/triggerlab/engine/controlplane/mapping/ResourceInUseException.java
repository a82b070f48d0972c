package io.triggerlab.engine.controlplane.mapping;

/** HTTP 400: The operation conflicts with the resource's availability (e.g. updating a mapping that is still Creating). */
public final class ResourceInUseException extends LambdaApiException {

    public ResourceInUseException(String message) {
        super(400, message);
    }
}
