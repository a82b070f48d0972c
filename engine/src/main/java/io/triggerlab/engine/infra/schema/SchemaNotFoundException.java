package io.triggerlab.engine.infra.schema;

/** The registry answered that it has no schema under the id a record names: Lambda's {@code SCHEMA_NOT_FOUND}. */
public class SchemaNotFoundException extends RuntimeException {

    public SchemaNotFoundException(String message) {
        super(message);
    }
}
