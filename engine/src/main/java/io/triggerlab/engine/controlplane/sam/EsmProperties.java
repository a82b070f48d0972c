package io.triggerlab.engine.controlplane.sam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The properties of an {@code AWS::Lambda::EventSourceMapping} in CloudFormation's shape (evaluated, each with the
 * line of its key) read into the engine's CreateEventSourceMapping request. SAM's {@code MSK} and
 * {@code SelfManagedKafka} events are first put in this shape by {@link TriggerReader}, as SAM itself does.
 */
final class EsmProperties {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    void put(String key, Object value, int line) {
        values.put(key, value);
        lines.put(key, line);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** Puts {@code member} into the mapping-valued property {@code key} (creating it). */
    @SuppressWarnings("unchecked")
    void putInto(String key, String member, Object value, int line) {
        Object existing = values.get(key);
        Map<String, Object> map = existing instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m)
                : new LinkedHashMap<>();
        map.put(member, value);
        values.put(key, map);
        lines.putIfAbsent(key, line);
    }

    CreateEventSourceMappingRequest toRequest(String functionName) {
        return CreateEventSourceMappingRequest.builder()
                .functionName(functionName)
                .eventSourceArn(text("EventSourceArn"))
                .selfManagedEventSource(read("SelfManagedEventSource", this::selfManaged))
                .topics(texts("Topics"))
                .startingPosition(text("StartingPosition"))
                .startingPositionTimestamp(read("StartingPositionTimestamp", v -> timestamp(v, line("StartingPositionTimestamp"))))
                .enabled(bool("Enabled"))
                .batchSize(integer("BatchSize"))
                .maximumBatchingWindowInSeconds(integer("MaximumBatchingWindowInSeconds"))
                .sourceAccessConfigurations(read("SourceAccessConfigurations", v -> list(v, "SourceAccessConfigurations")
                        .stream().map(e -> map(e, "SourceAccessConfigurations"))
                        .map(m -> new SourceAccessConfiguration(str(m.get("Type")), str(m.get("URI")))).toList()))
                .amazonManagedKafkaEventSourceConfig(read("AmazonManagedKafkaEventSourceConfig", this::kafkaConfig))
                .selfManagedKafkaEventSourceConfig(read("SelfManagedKafkaEventSourceConfig", this::kafkaConfig))
                .filterCriteria(read("FilterCriteria", this::filterCriteria))
                .kmsKeyArn(text("KmsKeyArn"))
                .destinationConfig(read("DestinationConfig", this::destination))
                .maximumRetryAttempts(integer("MaximumRetryAttempts"))
                .maximumRecordAgeInSeconds(integer("MaximumRecordAgeInSeconds"))
                .bisectBatchOnFunctionError(bool("BisectBatchOnFunctionError"))
                .functionResponseTypes(texts("FunctionResponseTypes"))
                .provisionedPollerConfig(read("ProvisionedPollerConfig", v -> {
                    Map<String, Object> m = map(v, "ProvisionedPollerConfig");
                    return new ProvisionedPollerConfig(intOrNull(m.get("MinimumPollers"), "ProvisionedPollerConfig"),
                            intOrNull(m.get("MaximumPollers"), "ProvisionedPollerConfig"), str(m.get("PollerGroupName")));
                }))
                .metricsConfig(read("MetricsConfig", v -> new MetricsConfig(
                        strings(map(v, "MetricsConfig").get("Metrics"), "MetricsConfig.Metrics"))))
                .loggingConfig(read("LoggingConfig", v -> new LoggingConfig(str(map(v, "LoggingConfig").get("SystemLogLevel")))))
                .build();
    }

    private SelfManagedEventSource selfManaged(Object value) {
        Object endpoints = map(value, "SelfManagedEventSource").get("Endpoints");
        List<String> servers = strings(map(endpoints, "SelfManagedEventSource.Endpoints").get("KafkaBootstrapServers"),
                "KafkaBootstrapServers");
        return SelfManagedEventSource.ofBootstrapServers(servers);
    }

    private KafkaEventSourceConfig kafkaConfig(Object value) {
        Map<String, Object> m = map(value, "ConsumerGroupId");
        SchemaRegistryConfig registry = null;
        if (m.get("SchemaRegistryConfig") != null) {
            Map<String, Object> r = map(m.get("SchemaRegistryConfig"), "SchemaRegistryConfig");
            registry = new SchemaRegistryConfig(str(r.get("SchemaRegistryURI")), str(r.get("EventRecordFormat")),
                    r.get("AccessConfigs") == null ? null : list(r.get("AccessConfigs"), "SchemaRegistryConfig").stream()
                            .map(e -> map(e, "SchemaRegistryConfig.AccessConfigs"))
                            .map(a -> new SchemaRegistryConfig.AccessConfig(str(a.get("Type")), str(a.get("URI")))).toList(),
                    r.get("SchemaValidationConfigs") == null ? null : list(r.get("SchemaValidationConfigs"),
                            "SchemaRegistryConfig").stream().map(e -> map(e, "SchemaRegistryConfig.SchemaValidationConfigs"))
                            .map(a -> new SchemaRegistryConfig.ValidationConfig(str(a.get("Attribute")))).toList());
        }
        return new KafkaEventSourceConfig(str(m.get("ConsumerGroupId")), registry);
    }

    private FilterCriteria filterCriteria(Object value) {
        Object filters = map(value, "FilterCriteria").get("Filters");
        if (filters == null) {
            return new FilterCriteria(List.of());
        }
        return new FilterCriteria(list(filters, "FilterCriteria.Filters").stream()
                .map(f -> map(f, "FilterCriteria.Filters").get("Pattern"))
                .map(this::pattern).map(FilterCriteria.Filter::new).toList());
    }

    /** CloudFormation wants the pattern as JSON text; a pattern written as YAML is turned into that text. */
    private String pattern(Object pattern) {
        if (pattern instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(pattern);
        } catch (JsonProcessingException e) {
            throw new UnmappableException(line("FilterCriteria"), "FilterCriteria Pattern is not JSON: " + e.getMessage());
        }
    }

    private DestinationConfig destination(Object value) {
        Object onFailure = map(value, "DestinationConfig").get("OnFailure");
        if (onFailure == null) {
            return new DestinationConfig(null, null);
        }
        return DestinationConfig.onFailure(str(map(onFailure, "DestinationConfig.OnFailure").get("Destination")));
    }

    private <T> T read(String key, Function<Object, T> reader) {
        Object value = values.get(key);
        return value == null ? null : reader.apply(value);
    }

    private String text(String key) {
        return read(key, v -> PropertyValues.asText(v, key, line(key)));
    }

    private Integer integer(String key) {
        return read(key, v -> PropertyValues.asInteger(PropertyValues.asText(v, key, line(key)), key, line(key)));
    }

    private Boolean bool(String key) {
        return read(key, v -> {
            String text = PropertyValues.asText(v, key, line(key));
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new UnmappableException(line(key), key + " must be true or false, not '" + text + "'");
            }
            return Boolean.parseBoolean(text);
        });
    }

    private List<String> texts(String key) {
        return read(key, v -> strings(v, key));
    }

    private Instant timestamp(Object value, int line) {
        String text = PropertyValues.asText(value, "StartingPositionTimestamp", line);
        try {
            BigDecimal seconds = new BigDecimal(text.strip());
            return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
        } catch (NumberFormatException e) {
            try {
                return Instant.parse(text.strip());
            } catch (RuntimeException notIso) {
                throw new UnmappableException(line, "StartingPositionTimestamp must be seconds since the epoch "
                        + "(e.g. 1700000000), not '" + text + "'");
            }
        }
    }

    private int line(String key) {
        return lines.getOrDefault(key, 0);
    }

    private List<String> strings(Object value, String key) {
        return list(value, key).stream().map(v -> PropertyValues.asText(v, key, line(topKey(key)))).toList();
    }

    private List<?> list(Object value, String key) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new UnmappableException(line(topKey(key)), key + " must be a list");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value, String key) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new UnmappableException(line(topKey(key)), key + " must be a mapping");
    }

    private Integer intOrNull(Object value, String key) {
        return value == null ? null : PropertyValues.asInteger(PropertyValues.asText(value, key, line(topKey(key))),
                key, line(topKey(key)));
    }

    private static String str(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /** The top-level property a nested name belongs to, for its line. */
    private String topKey(String key) {
        int dot = key.indexOf('.');
        String top = dot < 0 ? key : key.substring(0, dot);
        return switch (top) {
            case "KafkaBootstrapServers" -> "SelfManagedEventSource";
            case "ConsumerGroupId", "SchemaRegistryConfig" -> lines.containsKey("AmazonManagedKafkaEventSourceConfig")
                    ? "AmazonManagedKafkaEventSourceConfig" : "SelfManagedKafkaEventSourceConfig";
            default -> top;
        };
    }
}
