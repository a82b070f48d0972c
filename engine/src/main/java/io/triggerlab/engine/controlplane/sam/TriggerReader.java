package io.triggerlab.engine.controlplane.sam;

import io.triggerlab.engine.invoke.function.FunctionReference;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a function's SAM events of type {@code MSK} and {@code SelfManagedKafka}, and
 * {@code AWS::Lambda::EventSourceMapping} resources, into {@link ImportedTrigger}s. A SAM event is first put in
 * CloudFormation's shape as SAM does ({@code Stream} → {@code EventSourceArn}, {@code KafkaBootstrapServers} →
 * {@code SelfManagedEventSource}, {@code ConsumerGroupId} and {@code SchemaRegistryConfig} → the source's
 * {@code …KafkaEventSourceConfig}).
 */
final class TriggerReader {

    /** SAM event properties passed to the mapping as they are (SAM's MSK and SelfManagedKafka event specs). */
    private static final Set<String> SAM_PASS_THROUGH = Set.of("Topics", "StartingPosition",
            "StartingPositionTimestamp", "BatchSize", "MaximumBatchingWindowInSeconds", "Enabled",
            "SourceAccessConfigurations", "FilterCriteria", "DestinationConfig", "ProvisionedPollerConfig",
            "MaximumRetryAttempts", "MaximumRecordAgeInSeconds", "BisectBatchOnFunctionError", "FunctionResponseTypes",
            "KmsKeyArn", "MetricsConfig", "LoggingConfig");

    /** {@code AWS::Lambda::EventSourceMapping} properties read for Kafka (Tags are metadata and left out). */
    private static final Set<String> ESM_PROPERTIES = Set.of("EventSourceArn", "SelfManagedEventSource", "Topics",
            "StartingPosition", "StartingPositionTimestamp", "BatchSize", "MaximumBatchingWindowInSeconds", "Enabled",
            "SourceAccessConfigurations", "AmazonManagedKafkaEventSourceConfig", "SelfManagedKafkaEventSourceConfig",
            "FilterCriteria", "KmsKeyArn", "DestinationConfig", "MaximumRetryAttempts", "MaximumRecordAgeInSeconds",
            "BisectBatchOnFunctionError", "FunctionResponseTypes", "ProvisionedPollerConfig", "MetricsConfig",
            "LoggingConfig");

    /** Members of pull event sources that Kafka has no use for (SQS, Kinesis, MQ, DocumentDB). */
    private static final Set<String> NOT_FOR_KAFKA = Set.of("ParallelizationFactor", "TumblingWindowInSeconds",
            "ScalingConfig", "Queues", "DocumentDBEventSourceConfig");

    /** IAM-only or metadata properties: nothing to map locally, nothing to report. */
    private static final Set<String> SILENT = Set.of("SecretsManagerKmsKeyId", "Tags", "FunctionName");

    private final PropertyValues values;

    TriggerReader(PropertyValues values) {
        this.values = values;
    }

    /**
     * One entry of a SAM function's {@code Events}; empty (reported) when it is no Kafka event or cannot be mapped.
     *
     * @param resource {@code Function.Events.Name}
     */
    Optional<ImportedTrigger> samEvent(String resource, int line, String functionName, TemplateNode event,
                                       List<ImportProblem> problems) {
        if (!(event instanceof TemplateNode.Mapping mapping)) {
            problems.add(new ImportProblem(resource, event.line(), "an event must be a mapping with Type and Properties"));
            return Optional.empty();
        }
        String type = values.text(mapping, "Type").orElse("");
        if (!type.equals("MSK") && !type.equals("SelfManagedKafka")) {
            problems.add(new ImportProblem(resource, mapping.lineOf("Type"), "event type " + (type.isEmpty() ? "(none)" : type)
                    + " is not a Kafka trigger: TriggerLab imports MSK and SelfManagedKafka events"));
            return Optional.empty();
        }
        TemplateNode.Mapping properties = values.mapping(mapping, "Properties")
                .orElseThrow(() -> new UnmappableException(mapping.line(), "the " + type + " event has no Properties"));
        boolean msk = type.equals("MSK");
        String kafkaConfig = msk ? "AmazonManagedKafkaEventSourceConfig" : "SelfManagedKafkaEventSourceConfig";
        EsmProperties esm = new EsmProperties();
        for (TemplateNode.Entry entry : properties.entries()) {
            String key = entry.key();
            Optional<Object> value = values.value(properties, key);
            if (value.isEmpty()) {
                continue;
            }
            Object v = value.get();
            int at = entry.line();
            if (key.equals("Stream") && msk) {
                esm.put("EventSourceArn", v, at);
            } else if (key.equals("KafkaBootstrapServers") && !msk) {
                esm.put("SelfManagedEventSource", Map.of("Endpoints", Map.of("KafkaBootstrapServers", v)), at);
            } else if (key.equals("ConsumerGroupId") || key.equals("SchemaRegistryConfig")) {
                esm.putInto(kafkaConfig, key, v, at);
            } else if (key.equals("DestinationConfig")) {
                esm.put(key, withoutSamDestinationType(v), at);
            } else if (SAM_PASS_THROUGH.contains(key)) {
                esm.put(key, v, at);
            } else {
                reportLeftOut(resource, key, at, problems, type + " event");
            }
        }
        if (msk && !esm.has("EventSourceArn")) {
            throw new UnmappableException(properties.line(), "the MSK event has no Stream (the cluster's ARN)");
        }
        if (!msk && !esm.has("SelfManagedEventSource")) {
            throw new UnmappableException(properties.line(), "the SelfManagedKafka event has no KafkaBootstrapServers");
        }
        return Optional.of(new ImportedTrigger(resource, line, esm.toRequest(functionName)));
    }

    /** An {@code AWS::Lambda::EventSourceMapping}; empty (reported) when its source is no Kafka. */
    Optional<ImportedTrigger> mappingResource(String id, int line, TemplateNode.Mapping properties,
                                              List<ImportProblem> problems) {
        String functionName = values.text(properties, "FunctionName")
                .orElseThrow(() -> new UnmappableException(line, "FunctionName is missing"));
        String name = FunctionReference.parse(functionName).map(FunctionReference::name)
                .orElseThrow(() -> new UnmappableException(properties.lineOf("FunctionName"), "FunctionName '"
                        + functionName + "' is not a function name or ARN"));
        Optional<String> arn = values.text(properties, "EventSourceArn");
        if (arn.isPresent() && !arn.get().matches("arn:aws[a-zA-Z-]*:kafka:.*")) {
            problems.add(new ImportProblem(id, properties.lineOf("EventSourceArn"), "EventSourceArn " + arn.get()
                    + " is not a Kafka source: TriggerLab imports MSK and self-managed Kafka mappings"));
            return Optional.empty();
        }
        if (arn.isEmpty() && values.node(properties, "SelfManagedEventSource").isEmpty()) {
            throw new UnmappableException(line, "neither EventSourceArn (MSK) nor SelfManagedEventSource is given");
        }
        EsmProperties esm = new EsmProperties();
        for (TemplateNode.Entry entry : properties.entries()) {
            String key = entry.key();
            if (ESM_PROPERTIES.contains(key)) {
                values.value(properties, key).ifPresent(v -> esm.put(key, v, entry.line()));
            } else {
                reportLeftOut(id, key, entry.line(), problems, "Kafka event source mapping");
            }
        }
        return Optional.of(new ImportedTrigger(id, line, esm.toRequest(name)));
    }

    private static void reportLeftOut(String resource, String key, int line, List<ImportProblem> problems, String what) {
        if (SILENT.contains(key)) {
            return;
        }
        String reason = NOT_FOR_KAFKA.contains(key) ? key + " does not apply to Kafka; it is left out"
                : key + " is not a property of a " + what + "; it is left out";
        problems.add(new ImportProblem(resource, line, reason));
    }

    /** SAM's {@code DestinationConfig.OnFailure.Type} (SQS/SNS) only picks IAM policies; SAM removes it. */
    private static Object withoutSamDestinationType(Object destination) {
        if (destination instanceof Map<?, ?> config && config.get("OnFailure") instanceof Map<?, ?> onFailure
                && onFailure.containsKey("Type")) {
            java.util.Map<Object, Object> copy = new java.util.LinkedHashMap<>(onFailure);
            copy.remove("Type");
            java.util.Map<Object, Object> outer = new java.util.LinkedHashMap<>(config);
            outer.put("OnFailure", copy);
            return outer;
        }
        return destination;
    }
}
