package io.triggerlab.console.wizard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.DestinationConfig;
import io.triggerlab.engine.controlplane.mapping.FilterCriteria;
import io.triggerlab.engine.controlplane.mapping.KafkaEventSourceConfig;
import io.triggerlab.engine.controlplane.mapping.SchemaRegistryConfig;
import io.triggerlab.engine.controlplane.mapping.LoggingConfig;
import io.triggerlab.engine.controlplane.mapping.MetricsConfig;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.controlplane.mapping.SourceAccessConfiguration;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * The Review step's two texts for a CreateEventSourceMapping (or UpdateEventSourceMapping) request: the JSON body as the Lambda API receives it
 * (AWS's member names, absent members left out) and the same call as an {@code aws lambda} command against this
 * engine's endpoint.
 */
public final class RequestPreview {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private RequestPreview() {
    }

    /** The request body, pretty-printed. */
    public static String json(CreateEventSourceMappingRequest r) {
        return write(JSON, body(r));
    }

    /**
     * {@code aws lambda create-event-source-mapping …}, one option per line, values quoted for a POSIX shell.
     *
     * @param endpoint the engine's Lambda API, e.g. {@code http://127.0.0.1:9001}, or null to leave it out
     */
    public static String cli(CreateEventSourceMappingRequest r, String endpoint) {
        return cli("aws lambda create-event-source-mapping", body(r), endpoint);
    }

    /** The UpdateEventSourceMapping body: only the members that change. */
    public static String json(UpdateEventSourceMappingRequest r) {
        return write(JSON, body(r));
    }

    /** {@code aws lambda update-event-source-mapping --uuid …} with only the members that change. */
    public static String cli(String uuid, UpdateEventSourceMappingRequest r, String endpoint) {
        return cli("aws lambda update-event-source-mapping --uuid " + uuid, body(r), endpoint);
    }

    private static ObjectNode body(UpdateEventSourceMappingRequest r) {
        ObjectNode o = JSON.createObjectNode();
        put(o, "FunctionName", r.functionName());
        if (r.batchSize() != null) {
            o.put("BatchSize", r.batchSize());
        }
        if (r.maximumBatchingWindowInSeconds() != null) {
            o.put("MaximumBatchingWindowInSeconds", r.maximumBatchingWindowInSeconds());
        }
        access(o, r.sourceAccessConfigurations());
        common(o, r.maximumRetryAttempts(), r.maximumRecordAgeInSeconds(), r.bisectBatchOnFunctionError(),
                r.functionResponseTypes());
        if (r.filterCriteria() != null && r.filterCriteria().filters().isEmpty()) {
            o.putObject("FilterCriteria");
        } else {
            filters(o, r.filterCriteria());
        }
        if (r.destinationConfig() != null) {
            o.putObject("DestinationConfig").putObject("OnFailure").put("Destination",
                    r.destinationConfig().onFailureDestination() == null ? "" : r.destinationConfig().onFailureDestination());
        }
        pollers(o, r.provisionedPollerConfig());
        observability(o, r.loggingConfig(), r.metricsConfig());
        if (r.enabled() != null) {
            o.put("Enabled", r.enabled());
        }
        return o;
    }

    private static String cli(String command, ObjectNode body, String endpoint) {
        List<String> lines = new ArrayList<>();
        lines.add(command);
        if (endpoint != null) {
            lines.add("--endpoint-url " + endpoint);
        }
        body.fields().forEachRemaining(field -> {
            String option = "--" + kebab(field.getKey());
            var value = field.getValue();
            if (value.isBoolean()) {
                lines.add((value.booleanValue() ? "--" : "--no-") + kebab(field.getKey()));
            } else if (value.isTextual() || value.isNumber()) {
                lines.add(option + " " + quote(value.asText()));
            } else if (value.isArray() && allText(value)) {
                List<String> words = new ArrayList<>();
                value.forEach(v -> words.add(quote(v.asText())));
                lines.add(option + " " + String.join(" ", words));
            } else {
                lines.add(option + " " + quote(write(COMPACT, value)));
            }
        });
        return String.join(" \\\n  ", lines);
    }

    private static boolean allText(com.fasterxml.jackson.databind.JsonNode array) {
        for (var v : array) {
            if (!v.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode body(CreateEventSourceMappingRequest r) {
        ObjectNode o = JSON.createObjectNode();
        put(o, "FunctionName", r.functionName());
        put(o, "EventSourceArn", r.eventSourceArn());
        if (r.selfManagedEventSource() != null) {
            ArrayNode servers = o.putObject("SelfManagedEventSource").putObject("Endpoints")
                    .putArray("KAFKA_BOOTSTRAP_SERVERS");
            r.selfManagedEventSource().bootstrapServers().forEach(servers::add);
        }
        if (r.topics() != null) {
            ArrayNode topics = o.putArray("Topics");
            r.topics().forEach(topics::add);
        }
        put(o, "StartingPosition", r.startingPosition());
        if (r.startingPositionTimestamp() != null) {
            o.put("StartingPositionTimestamp", r.startingPositionTimestamp().toString());
        }
        if (r.batchSize() != null) {
            o.put("BatchSize", r.batchSize());
        }
        if (r.maximumBatchingWindowInSeconds() != null) {
            o.put("MaximumBatchingWindowInSeconds", r.maximumBatchingWindowInSeconds());
        }
        access(o, r.sourceAccessConfigurations());
        group(o, "AmazonManagedKafkaEventSourceConfig", r.amazonManagedKafkaEventSourceConfig());
        group(o, "SelfManagedKafkaEventSourceConfig", r.selfManagedKafkaEventSourceConfig());
        common(o, r.maximumRetryAttempts(), r.maximumRecordAgeInSeconds(), r.bisectBatchOnFunctionError(),
                r.functionResponseTypes());
        filters(o, r.filterCriteria());
        destination(o, r.destinationConfig());
        pollers(o, r.provisionedPollerConfig());
        observability(o, r.loggingConfig(), r.metricsConfig());
        if (r.tags() != null) {
            ObjectNode tags = o.putObject("Tags");
            r.tags().forEach(tags::put);
        }
        if (r.enabled() != null) {
            o.put("Enabled", r.enabled());
        }
        return o;
    }

    private static void access(ObjectNode o, List<SourceAccessConfiguration> configs) {
        if (configs != null) {
            ArrayNode access = o.putArray("SourceAccessConfigurations");
            for (SourceAccessConfiguration sac : configs) {
                access.addObject().put("Type", sac.type()).put("URI", sac.uri());
            }
        }
    }

    private static void common(ObjectNode o, Integer retries, Integer recordAge, Boolean bisect, List<String> types) {
        if (retries != null) {
            o.put("MaximumRetryAttempts", retries);
        }
        if (recordAge != null) {
            o.put("MaximumRecordAgeInSeconds", recordAge);
        }
        if (bisect != null) {
            o.put("BisectBatchOnFunctionError", bisect);
        }
        if (types != null) {
            ArrayNode array = o.putArray("FunctionResponseTypes");
            types.forEach(array::add);
        }
    }

    private static void observability(ObjectNode o, LoggingConfig logging, MetricsConfig metrics) {
        if (logging != null) {
            ObjectNode node = o.putObject("LoggingConfig");
            if (logging.systemLogLevel() != null) {
                node.put("SystemLogLevel", logging.systemLogLevel());
            }
        }
        if (metrics != null) {
            ArrayNode array = o.putObject("MetricsConfig").putArray("Metrics");
            metrics.metrics().forEach(array::add);
        }
    }

    private static void group(ObjectNode o, String name, KafkaEventSourceConfig config) {
        if (config == null || (config.consumerGroupId() == null && config.schemaRegistryConfig() == null)) {
            return;
        }
        ObjectNode kafka = o.putObject(name);
        if (config.consumerGroupId() != null) {
            kafka.put("ConsumerGroupId", config.consumerGroupId());
        }
        SchemaRegistryConfig registry = config.schemaRegistryConfig();
        if (registry != null) {
            ObjectNode r = kafka.putObject("SchemaRegistryConfig").put("SchemaRegistryURI", registry.schemaRegistryUri())
                    .put("EventRecordFormat", registry.eventRecordFormat());
            if (!registry.accessConfigs().isEmpty()) {
                ArrayNode access = r.putArray("AccessConfigs");
                registry.accessConfigs().forEach(a -> access.addObject().put("Type", a.type()).put("URI", a.uri()));
            }
            ArrayNode validation = r.putArray("SchemaValidationConfigs");
            registry.schemaValidationConfigs().forEach(v -> validation.addObject().put("Attribute", v.attribute()));
        }
    }

    private static void filters(ObjectNode o, FilterCriteria criteria) {
        if (criteria != null) {
            ArrayNode filters = o.putObject("FilterCriteria").putArray("Filters");
            criteria.filters().forEach(f -> filters.addObject().put("Pattern", f.pattern()));
        }
    }

    private static void destination(ObjectNode o, DestinationConfig config) {
        if (config != null && config.onFailureDestination() != null) {
            o.putObject("DestinationConfig").putObject("OnFailure").put("Destination", config.onFailureDestination());
        }
    }

    private static void pollers(ObjectNode o, ProvisionedPollerConfig config) {
        if (config == null) {
            return;
        }
        ObjectNode p = o.putObject("ProvisionedPollerConfig");
        if (config.minimumPollers() != null) {
            p.put("MinimumPollers", config.minimumPollers());
        }
        if (config.maximumPollers() != null) {
            p.put("MaximumPollers", config.maximumPollers());
        }
        if (config.pollerGroupName() != null) {
            p.put("PollerGroupName", config.pollerGroupName());
        }
    }

    private static void put(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static String kebab(String pascal) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pascal.length(); i++) {
            char c = pascal.charAt(i);
            boolean upper = Character.isUpperCase(c);
            boolean wordStart = upper && i > 0 && (Character.isLowerCase(pascal.charAt(i - 1))
                    || (i + 1 < pascal.length() && Character.isLowerCase(pascal.charAt(i + 1))));
            if (wordStart) {
                out.append('-');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    private static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_.:/=,@+".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }
}
