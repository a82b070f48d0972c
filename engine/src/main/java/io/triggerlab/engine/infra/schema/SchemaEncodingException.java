package io.triggerlab.engine.infra.schema;

/**
 * A value that cannot be written with its schema (a field of the wrong type, a missing required field), or a schema
 * the registry refuses: bad input from the person producing the record, said with the field's path.
 */
public final class SchemaEncodingException extends IllegalArgumentException {

    public SchemaEncodingException(String message) {
        super(message);
    }

    public SchemaEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
