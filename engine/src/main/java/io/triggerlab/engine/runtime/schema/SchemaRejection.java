package io.triggerlab.engine.runtime.schema;

/** Why the schema stage did not pass a record on: Lambda's reasons, as they appear in the failure record. */
public enum SchemaRejection {
    /** The record names no schema, or one the registry does not have. */
    SCHEMA_NOT_FOUND,
    /** The bytes do not decode with the schema they name. */
    DESERIALIZATION_ERROR
}
