package io.triggerlab.engine.runtime.destination;

/** The failure records could not be delivered; the message says where and why. */
public final class DestinationDeliveryException extends Exception {

    public DestinationDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
