package io.triggerlab.engine.controlplane.mapping;

import java.util.List;

/**
 * {@code SchemaRegistryConfig} (docs/aws-behaviour.md#schema-registry).
 *
 * @param schemaRegistryUri       Glue registry ARN or Confluent URL
 * @param eventRecordFormat       {@code JSON} or {@code SOURCE}
 * @param accessConfigs           {@code BASIC_AUTH}, {@code CLIENT_CERTIFICATE_TLS_AUTH}, {@code SERVER_ROOT_CA_CERTIFICATE}
 * @param schemaValidationConfigs attributes ({@code KEY}/{@code VALUE}) to validate
 */
public record SchemaRegistryConfig(String schemaRegistryUri, String eventRecordFormat,
                                   List<AccessConfig> accessConfigs, List<ValidationConfig> schemaValidationConfigs) {

    public SchemaRegistryConfig {
        accessConfigs = accessConfigs == null ? List.of() : List.copyOf(accessConfigs);
        schemaValidationConfigs = schemaValidationConfigs == null ? List.of() : List.copyOf(schemaValidationConfigs);
    }

    /** {@code {"Type":…,"URI":…}} */
    public record AccessConfig(String type, String uri) {
    }

    /** {@code {"Attribute":"KEY"|"VALUE"}} */
    public record ValidationConfig(String attribute) {
    }
}
