package io.triggerlab.engine.controlplane.api;

import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.DestinationConfig;
import io.triggerlab.engine.controlplane.mapping.FilterCriteria;
import io.triggerlab.engine.controlplane.mapping.KafkaEventSourceConfig;
import io.triggerlab.engine.controlplane.mapping.LoggingConfig;
import io.triggerlab.engine.controlplane.mapping.MappingRequest;
import io.triggerlab.engine.controlplane.mapping.MemberShape;
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
 * members exactly as AWS, docs/aws-behaviour.md#api-members) into the control plane's requests, member by member as
 * {@link MappingRequest.Member} lists them: a new member of a known {@link MemberShape} needs nothing here. Only JSON types are checked here;
 * values are checked by the mapping validator, which also refuses the members that do not apply to Kafka
 * ({@code ParallelizationFactor}, {@code Queues}, ...) and the create-only members on update — so they are read too.
 *
 * <p>Unknown members are ignored, as AWS's rest-json services ignore them (they are logged at INFO so that a typo such
 * as {@code Batchsize} can be found).
 */
final class MappingRequestReader {

    private static final Logger log = LoggerFactory.getLogger(MappingRequestReader.class);

    CreateEventSourceMappingRequest create(JsonFields body) {
        return read("CreateEventSourceMapping", body, CreateEventSourceMappingRequest.builder());
    }

    UpdateEventSourceMappingRequest update(JsonFields body) {
        return read("UpdateEventSourceMapping", body, UpdateEventSourceMappingRequest.builder());
    }

    /** Every member of the table, in its order, read by its shape. */
    private static <R extends MappingRequest> R read(String operation, JsonFields body, MappingRequest.Builder<?, R> request) {
        for (MappingRequest.Member member : MappingRequest.Member.values()) {
            request.set(member, value(body, member.awsName(), member.shape()));
        }
        reportUnknown(operation, body);
        return request.build();
    }

    private static Object value(JsonFields body, String name, MemberShape shape) {
        return switch (shape) {
            case STRING -> body.string(name);
            case INTEGER -> body.integer(name);
            case BOOLEAN -> body.bool(name);
            case TIMESTAMP -> body.timestamp(name);
            case STRING_LIST -> body.strings(name);
            case STRING_MAP -> body.stringMap(name);
            case ANY_OBJECT -> body.anyObject(name);
            case SELF_MANAGED_EVENT_SOURCE -> selfManagedEventSource(body.object(name));
            case SOURCE_ACCESS_CONFIGURATIONS -> sourceAccess(body.objects(name));
            case KAFKA_EVENT_SOURCE_CONFIG -> kafkaConfig(body.object(name));
            case FILTER_CRITERIA -> filterCriteria(body.object(name));
            case DESTINATION_CONFIG -> destinationConfig(body.object(name));
            case PROVISIONED_POLLER_CONFIG -> pollers(body.object(name));
            case METRICS_CONFIG -> metrics(body.object(name));
            case LOGGING_CONFIG -> logging(body.object(name));
        };
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
