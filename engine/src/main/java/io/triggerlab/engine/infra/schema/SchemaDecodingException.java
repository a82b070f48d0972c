package io.triggerlab.engine.infra.schema;

/** Bytes that do not decode with the schema their framing names: Lambda's {@code DESERIALIZATION_ERROR}. */
public class SchemaDecodingException extends RuntimeException {

    public SchemaDecodingException(String message) {
        super(message);
    }

    public SchemaDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
