package io.triggerlab.engine.controlplane.mapping;

/** HTTP 400: One of the parameters in the request is not valid. */
public final class InvalidParameterValueException extends LambdaApiException {

    public InvalidParameterValueException(String message) {
        super(400, message);
    }
}
