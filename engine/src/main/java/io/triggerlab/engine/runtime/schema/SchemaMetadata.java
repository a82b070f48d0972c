package io.triggerlab.engine.runtime.schema;

import io.triggerlab.engine.infra.schema.SchemaFormat;

import java.util.Objects;

/**
 * What Lambda adds to a record whose attribute it decoded: {@code keySchemaMetadata} / {@code valueSchemaMetadata}
 * = {@code {"schemaId":…,"dataFormat":…}} (docs/aws-behaviour.md#schema-registry).
 */
public record SchemaMetadata(String schemaId, SchemaFormat dataFormat) {

    public SchemaMetadata {
        Objects.requireNonNull(schemaId, "schemaId");
        Objects.requireNonNull(dataFormat, "dataFormat");
    }
}
