package io.triggerlab.engine.controlplane.mapping;

/**
 * {@code AmazonManagedKafkaEventSourceConfig} and {@code SelfManagedKafkaEventSourceConfig} share this shape.
 *
 * @param consumerGroupId      custom consumer group (create-only), or {@code null} for the mapping's UUID
 * @param schemaRegistryConfig schema registry (provisioned mode), or {@code null}
 */
public record KafkaEventSourceConfig(String consumerGroupId, SchemaRegistryConfig schemaRegistryConfig) {
}
