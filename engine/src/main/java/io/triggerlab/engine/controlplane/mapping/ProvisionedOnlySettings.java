package io.triggerlab.engine.controlplane.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings AWS documents as provisioned-mode-only for Kafka (docs/aws-behaviour.md#api-members): the error controls, a Kafka-topic
 * on-failure destination, a schema registry and ESM logging. TriggerLab accepts and runs them in on-demand mode too,
 * so a user can watch them work without provisioning pollers; this lists what an on-demand mapping uses that AWS
 * would refuse or ignore (TriggerLab's reading of AWS, {@code docs/aws-reading.md}).
 */
public final class ProvisionedOnlySettings {

    private ProvisionedOnlySettings() {
    }

    /** One line per provisioned-only setting in use; empty for provisioned mappings and for plain on-demand ones. */
    public static List<String> usedInOnDemandMode(EventSourceMapping mapping) {
        List<String> used = new ArrayList<>();
        if (mapping.isProvisioned()) {
            return used;
        }
        String suffix = " is available only in provisioned mode (set ProvisionedPollerConfig)";
        if (mapping.maximumRetryAttempts() != EventSourceMapping.INFINITE) {
            used.add("MaximumRetryAttempts " + mapping.maximumRetryAttempts() + suffix);
        }
        if (mapping.maximumRecordAgeInSeconds() != EventSourceMapping.INFINITE) {
            used.add("MaximumRecordAgeInSeconds " + mapping.maximumRecordAgeInSeconds() + suffix);
        }
        if (mapping.bisectBatchOnFunctionError()) {
            used.add("BisectBatchOnFunctionError" + suffix);
        }
        if (mapping.reportsBatchItemFailures()) {
            used.add("FunctionResponseTypes ReportBatchItemFailures" + suffix);
        }
        String destination = mapping.destinationConfig() == null ? null : mapping.destinationConfig().onFailureDestination();
        if (destination != null && destination.startsWith("kafka://")) {
            used.add("The Kafka topic on-failure destination " + destination + suffix);
        }
        KafkaEventSourceConfig kafka = mapping.kafkaEventSourceConfig();
        if (kafka != null && kafka.schemaRegistryConfig() != null) {
            used.add("SchemaRegistryConfig" + suffix);
        }
        if (mapping.loggingConfig() != null) {
            used.add("LoggingConfig" + suffix);
        }
        return used;
    }
}
