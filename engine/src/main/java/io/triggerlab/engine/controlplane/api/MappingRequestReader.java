package io.triggerlab.engine.controlplane.api;

import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.DestinationConfig;
import io.triggerlab.engine.controlplane.mapping.FilterCriteria;
import io.triggerlab.engine.controlplane.mapping.KafkaEventSourceConfig;
import io.triggerlab.engine.controlplane.mapping.LoggingConfig;
import io.triggerlab.engine.controlplane.mapping.MetricsConfig;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.controlplane.mapping.SchemaRegistryConfig;
import io.triggerlab.engine.controlplane.mapping.SelfManagedEventSource;
import io.triggerlab.engine.controlplane.mapping.SourceAccessConfiguration;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the rest-json bodies of {@code CreateEventSourceMapping} and {@code UpdateEventSourceMapping} (PascalCase
 * members exactly as AWS, spec §1.2) into the control plane's request records. Only JSON types are checked here;
 * values are checked by the mapping validator, which also refuses the members that do not apply to Kafka
 * ({@code ParallelizationFactor}, {@code Queues}, ...) and the create-only members on update — so they are read too.
 *
 * <p>Unknown members are ignored, as AWS's rest-json services ignore them (they are logged at INFO so that a typo such
 * as {@code Batchsize} can be found).
 */
final class MappingRequestReader {

    private static final Logger log = LoggerFactory.getLogger(MappingRequestReader.class);

    CreateEventSourceMappingRequest create(JsonFields body) {
        CreateEventSourceMappingRequest request = CreateEventSourceMappingRequest.builder()
                .functionName(body.string("FunctionName"))
                .eventSourceArn(body.string("EventSourceArn"))
                .selfManagedEventSource(selfManagedEventSource(body.object("SelfManagedEventSource")))
                .topics(body.strings("Topics"))
                .startingPosition(body.string("StartingPosition"))
                .startingPositionTimestamp(body.timestamp("StartingPositionTimestamp"))
                .enabled(body.bool("Enabled"))
                .batchSize(body.integer("BatchSize"))
                .maximumBatchingWindowInSeconds(body.integer("MaximumBatchingWindowInSeconds"))
                .sourceAccessConfigurations(sourceAccess(body.objects("SourceAccessConfigurations")))
                .amazonManagedKafkaEventSourceConfig(kafkaConfig(body.object("AmazonManagedKafkaEventSourceConfig")))
                .selfManagedKafkaEventSourceConfig(kafkaConfig(body.object("SelfManagedKafkaEventSourceConfig")))
                .filterCriteria(filterCriteria(body.object("FilterCriteria")))
                .kmsKeyArn(body.string("KMSKeyArn"))
                .destinationConfig(destinationConfig(body.object("DestinationConfig")))
                .maximumRetryAttempts(body.integer("MaximumRetryAttempts"))
                .maximumRecordAgeInSeconds(body.integer("MaximumRecordAgeInSeconds"))
                .bisectBatchOnFunctionError(body.bool("BisectBatchOnFunctionError"))
                .functionResponseTypes(body.strings("FunctionResponseTypes"))
                .provisionedPollerConfig(pollers(body.object("ProvisionedPollerConfig")))
                .metricsConfig(metrics(body.object("MetricsConfig")))
                .loggingConfig(logging(body.object("LoggingConfig")))
                .tags(body.stringMap("Tags"))
                .parallelizationFactor(body.integer("ParallelizationFactor"))
                .tumblingWindowInSeconds(body.integer("TumblingWindowInSeconds"))
                .scalingConfig(body.anyObject("ScalingConfig"))
                .queues(body.strings("Queues"))
                .documentDBEventSourceConfig(body.anyObject("DocumentDBEventSourceConfig"))
                .build();
        reportUnknown("CreateEventSourceMapping", body);
        return request;
    }

    UpdateEventSourceMappingRequest update(JsonFields body) {
        UpdateEventSourceMappingRequest request = UpdateEventSourceMappingRequest.builder()
                .functionName(body.string("FunctionName"))
                .enabled(body.bool("Enabled"))
                .batchSize(body.integer("BatchSize"))
                .maximumBatchingWindowInSeconds(body.integer("MaximumBatchingWindowInSeconds"))
                .sourceAccessConfigurations(sourceAccess(body.objects("SourceAccessConfigurations")))
                .amazonManagedKafkaEventSourceConfig(kafkaConfig(body.object("AmazonManagedKafkaEventSourceConfig")))
                .selfManagedKafkaEventSourceConfig(kafkaConfig(body.object("SelfManagedKafkaEventSourceConfig")))
                .filterCriteria(filterCriteria(body.object("FilterCriteria")))
                .kmsKeyArn(body.string("KMSKeyArn"))
                .destinationConfig(destinationConfig(body.object("DestinationConfig")))
                .maximumRetryAttempts(body.integer("MaximumRetryAttempts"))
                .maximumRecordAgeInSeconds(body.integer("MaximumRecordAgeInSeconds"))
                .bisectBatchOnFunctionError(body.bool("BisectBatchOnFunctionError"))
                .functionResponseTypes(body.strings("FunctionResponseTypes"))
                .provisionedPollerConfig(pollers(body.object("ProvisionedPollerConfig")))
                .metricsConfig(metrics(body.object("MetricsConfig")))
                .loggingConfig(logging(body.object("LoggingConfig")))
                .eventSourceArn(body.string("EventSourceArn"))
                .selfManagedEventSource(selfManagedEventSource(body.object("SelfManagedEventSource")))
                .topics(body.strings("Topics"))
                .startingPosition(body.string("StartingPosition"))
                .startingPositionTimestamp(body.timestamp("StartingPositionTimestamp"))
                .tags(body.stringMap("Tags"))
                .parallelizationFactor(body.integer("ParallelizationFactor"))
                .tumblingWindowInSeconds(body.integer("TumblingWindowInSeconds"))
                .scalingConfig(body.anyObject("ScalingConfig"))
                .queues(body.strings("Queues"))
                .documentDBEventSourceConfig(body.anyObject("DocumentDBEventSourceConfig"))
                .build();
        reportUnknown("UpdateEventSourceMapping", body);
        return request;
    }

    private static void reportUnknown(String operation, JsonFields body) {
        List<String> unknown = body.unread();
        if (!unknown.isEmpty()) {
            log.info("{} ignored unknown member(s) {}; AWS ignores unknown members too. Member names are "
                    + "case-sensitive PascalCase, e.g. BatchSize", operation, unknown);
        }
    }

    private static SelfManagedEventSource selfManagedEventSource(JsonFields source) {
        if (source == null) {
            return null;
        }
        JsonFields endpoints = source.object("Endpoints");
        if (endpoints == null) {
            return new SelfManagedEventSource(null);
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (String type : endpoints.names()) {
            List<String> servers = endpoints.strings(type);
            if (servers != null) {
                byType.put(type, servers);
            }
        }
        return new SelfManagedEventSource(byType);
    }

    private static List<SourceAccessConfiguration> sourceAccess(List<JsonFields> entries) {
        if (entries == null) {
            return null;
        }
        return entries.stream()
                .map(e -> new SourceAccessConfiguration(e.string("Type"), e.string("URI")))
                .toList();
    }

    private static KafkaEventSourceConfig kafkaConfig(JsonFields config) {
        if (config == null) {
            return null;
        }
        return new KafkaEventSourceConfig(config.string("ConsumerGroupId"),
                schemaRegistry(config.object("SchemaRegistryConfig")));
    }

    private static SchemaRegistryConfig schemaRegistry(JsonFields registry) {
        if (registry == null) {
            return null;
        }
        List<JsonFields> access = registry.objects("AccessConfigs");
        List<JsonFields> validation = registry.objects("SchemaValidationConfigs");
        return new SchemaRegistryConfig(registry.string("SchemaRegistryURI"), registry.string("EventRecordFormat"),
                access == null ? null : access.stream()
                        .map(a -> new SchemaRegistryConfig.AccessConfig(a.string("Type"), a.string("URI")))
                        .toList(),
                validation == null ? null : validation.stream()
                        .map(v -> new SchemaRegistryConfig.ValidationConfig(v.string("Attribute")))
                        .toList());
    }

    private static FilterCriteria filterCriteria(JsonFields criteria) {
        if (criteria == null) {
            return null;
        }
        List<JsonFields> filters = criteria.objects("Filters");
        return new FilterCriteria(filters == null ? null : filters.stream()
                .map(f -> new FilterCriteria.Filter(f.string("Pattern")))
                .toList());
    }

    private static DestinationConfig destinationConfig(JsonFields config) {
        if (config == null) {
            return null;
        }
        return new DestinationConfig(destination(config.object("OnSuccess")), destination(config.object("OnFailure")));
    }

    private static DestinationConfig.Destination destination(JsonFields destination) {
        return destination == null ? null : new DestinationConfig.Destination(destination.string("Destination"));
    }

    private static ProvisionedPollerConfig pollers(JsonFields config) {
        return config == null ? null : new ProvisionedPollerConfig(config.integer("MinimumPollers"),
                config.integer("MaximumPollers"), config.string("PollerGroupName"));
    }

    private static MetricsConfig metrics(JsonFields config) {
        return config == null ? null : new MetricsConfig(config.strings("Metrics"));
    }

    private static LoggingConfig logging(JsonFields config) {
        return config == null ? null : new LoggingConfig(config.string("SystemLogLevel"));
    }
}
