package io.triggerlab.engine.infra.schema;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetSchemaVersionResponse;

import java.util.Map;
import java.util.Objects;

/**
 * AWS Glue Schema Registry through the SDK's Glue client: {@code GetSchemaVersion} by the schema version UUID that
 * Glue-framed records carry (Lambda needs {@code glue:GetSchemaVersion} for the same call).
 */
public final class GlueRegistryClient implements SchemaRegistryClient {

    private final GlueClient glue;
    private final String registryArn;

    public GlueRegistryClient(GlueClient glue, String registryArn) {
        this.glue = Objects.requireNonNull(glue, "glue");
        this.registryArn = Objects.requireNonNull(registryArn, "registryArn");
    }

    @Override
    public RegisteredSchema schemaById(String schemaVersionId) {
        GetSchemaVersionResponse version;
        try {
            version = glue.getSchemaVersion(r -> r.schemaVersionId(schemaVersionId));
        } catch (EntityNotFoundException e) {
            throw new SchemaNotFoundException("Glue registry " + registryArn + " has no schema version "
                    + schemaVersionId);
        } catch (SdkException e) {
            throw new SchemaRegistryUnavailableException("Glue registry " + registryArn
                    + " could not be asked for schema version " + schemaVersionId + ": " + e.getMessage(), e);
        }
        return new RegisteredSchema(schemaVersionId, SchemaFormat.fromRegistryName(version.dataFormatAsString()),
                version.schemaDefinition(), Map.of());
    }
}
