package io.triggerlab.engine.infra.schema;

/**
 * The registry could not be asked (down, refused our credentials, answered something unreadable). Unlike a missing
 * schema this says nothing about the record, so the poller retries the batch instead of giving records up.
 */
public class SchemaRegistryUnavailableException extends RuntimeException {

    public SchemaRegistryUnavailableException(String message) {
        super(message);
    }

    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
