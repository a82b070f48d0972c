package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.FilterCriteria;
import io.triggerlab.engine.controlplane.mapping.KafkaEventSourceConfig;
import io.triggerlab.engine.controlplane.mapping.MappingPage;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.controlplane.mapping.SchemaRegistryConfig;
import io.triggerlab.engine.controlplane.mapping.SourceAccessConfiguration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Writes AWS's {@code EventSourceMappingConfiguration} (spec §2) with its PascalCase members, absent members omitted.
 * Tags are never returned. Timestamps ({@code LastModified}, {@code StartingPositionTimestamp}) are rest-json
 * timestamps: epoch seconds as a JSON number with a millisecond fraction, e.g. {@code 1569284520.333}.
 *
 * <p>Decisions for what AWS leaves unconfirmed (spec §8.5):
 * <ul>
 *   <li>{@code MaximumBatchingWindowInSeconds} is omitted while the mapping uses Kafka's 500 ms default (see
 *       {@link EventSourceMapping}).</li>
 *   <li>{@code ConsumerGroupId}: the source kind's config object ({@code AmazonManagedKafkaEventSourceConfig} for
 *       MSK, {@code SelfManagedKafkaEventSourceConfig} for self-managed) is always returned with the group the mapping
 *       really uses — the custom id, or the mapping's UUID when none was given (spec §5.4). AWS reports a group for a
 *       mapping created without one: terraform-provider-aws declares {@code consumer_group_id} {@code Computed} for
 *       exactly that reason. The UUID is what a user needs to find the group in Kafka tools.</li>
 *   <li>{@code MaximumRetryAttempts}, {@code MaximumRecordAgeInSeconds} and {@code BisectBatchOnFunctionError} are
 *       returned in provisioned mode (where Kafka applies them) or when set to a non-default value; an on-demand
 *       mapping at the defaults (-1, -1, false) omits them, as Kafka mappings did before these settings existed for
 *       Kafka (spec §1.3: AWS refused them as "Unsupported").</li>
 * </ul>
 */
final class MappingResponseWriter {

    private final ObjectMapper mapper;

    MappingResponseWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode page(MappingPage page) {
        ObjectNode body = mapper.createObjectNode();
        if (page.nextMarker() != null) {
            body.put("NextMarker", page.nextMarker());
        }
        ArrayNode mappings = body.putArray("EventSourceMappings");
        page.eventSourceMappings().forEach(m -> mappings.add(listed(m)));
        return body;
    }

    /**
     * A mapping as ListEventSourceMappings shows it: with a {@code KMSKeyArn}, the filter criteria are encrypted and
     * "this field shows up as null in the response of ListEventSourceMapping API calls" (botocore's documentation of
     * {@code EventSourceMappingConfiguration.FilterCriteria}); Get, Create, Update and Delete show them.
     */
    private ObjectNode listed(EventSourceMapping m) {
        ObjectNode out = mapping(m);
        if (m.kmsKeyArn() != null && !m.kmsKeyArn().isEmpty()) {
            out.remove("FilterCriteria");
        }
        return out;
    }

    ObjectNode mapping(EventSourceMapping m) {
        ObjectNode out = mapper.createObjectNode();
        out.put("UUID", m.uuid());
        out.put("StartingPosition", m.startingPosition().name());
        if (m.startingPositionTimestamp() != null) {
            out.put("StartingPositionTimestamp", epochSeconds(m.startingPositionTimestamp()));
        }
        out.put("BatchSize", m.batchSize());
        if (m.maximumBatchingWindowInSeconds() != null) {
            out.put("MaximumBatchingWindowInSeconds", m.maximumBatchingWindowInSeconds());
        }
        if (m.eventSourceArn() != null) {
            out.put("EventSourceArn", m.eventSourceArn());
        }
        if (m.filterCriteria() != null) {
            out.set("FilterCriteria", filterCriteria(m.filterCriteria()));
        }
        out.put("FunctionArn", m.functionArn());
        out.put("LastModified", epochSeconds(m.lastModified()));
        out.put("LastProcessingResult", m.lastProcessingResult());
        out.put("State", m.state().awsName());
        out.put("StateTransitionReason", m.stateTransitionReason());
        if (m.destinationConfig() != null && m.destinationConfig().onFailureDestination() != null) {
            out.putObject("DestinationConfig").putObject("OnFailure")
                    .put("Destination", m.destinationConfig().onFailureDestination());
        }
        strings(out.putArray("Topics"), m.topics());
        if (!m.sourceAccessConfigurations().isEmpty()) {
            ArrayNode configs = out.putArray("SourceAccessConfigurations");
            for (SourceAccessConfiguration sac : m.sourceAccessConfigurations()) {
                configs.addObject().put("Type", sac.type()).put("URI", sac.uri());
            }
        }
        if (m.selfManagedEventSource() != null) {
            ObjectNode endpoints = out.putObject("SelfManagedEventSource").putObject("Endpoints");
            m.selfManagedEventSource().endpoints().forEach((type, servers) -> strings(endpoints.putArray(type), servers));
        }
        retrySettings(out, m);
        if (!m.functionResponseTypes().isEmpty()) {
            strings(out.putArray("FunctionResponseTypes"), m.functionResponseTypes());
        }
        out.set(m.isMsk() ? "AmazonManagedKafkaEventSourceConfig" : "SelfManagedKafkaEventSourceConfig",
                kafkaConfig(m));
        if (m.kmsKeyArn() != null) {
            out.put("KMSKeyArn", m.kmsKeyArn());
        }
        if (m.metricsConfig() != null) {
            strings(out.putObject("MetricsConfig").putArray("Metrics"), m.metricsConfig().metrics());
        }
        if (m.loggingConfig() != null && m.loggingConfig().systemLogLevel() != null) {
            out.putObject("LoggingConfig").put("SystemLogLevel", m.loggingConfig().systemLogLevel());
        }
        if (m.provisionedPollerConfig() != null) {
            out.set("ProvisionedPollerConfig", pollers(m.provisionedPollerConfig()));
        }
        out.put("EventSourceMappingArn", m.eventSourceMappingArn());
        return out;
    }

    /** Epoch seconds with the milliseconds as fraction: {@code 1569284520.333}. */
    static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    private static void retrySettings(ObjectNode out, EventSourceMapping m) {
        boolean all = m.isProvisioned();
        if (all || m.maximumRecordAgeInSeconds() != EventSourceMapping.INFINITE) {
            out.put("MaximumRecordAgeInSeconds", m.maximumRecordAgeInSeconds());
        }
        if (all || m.bisectBatchOnFunctionError()) {
            out.put("BisectBatchOnFunctionError", m.bisectBatchOnFunctionError());
        }
        if (all || m.maximumRetryAttempts() != EventSourceMapping.INFINITE) {
            out.put("MaximumRetryAttempts", m.maximumRetryAttempts());
        }
    }

    private ObjectNode kafkaConfig(EventSourceMapping m) {
        ObjectNode config = mapper.createObjectNode();
        config.put("ConsumerGroupId", m.consumerGroupId());
        KafkaEventSourceConfig given = m.kafkaEventSourceConfig();
        if (given != null && given.schemaRegistryConfig() != null) {
            config.set("SchemaRegistryConfig", schemaRegistry(given.schemaRegistryConfig()));
        }
        return config;
    }

    private ObjectNode schemaRegistry(SchemaRegistryConfig registry) {
        ObjectNode out = mapper.createObjectNode();
        out.put("SchemaRegistryURI", registry.schemaRegistryUri());
        if (registry.eventRecordFormat() != null) {
            out.put("EventRecordFormat", registry.eventRecordFormat());
        }
        ArrayNode access = out.putArray("AccessConfigs");
        registry.accessConfigs().forEach(a -> access.addObject().put("Type", a.type()).put("URI", a.uri()));
        ArrayNode validation = out.putArray("SchemaValidationConfigs");
        registry.schemaValidationConfigs().forEach(v -> validation.addObject().put("Attribute", v.attribute()));
        return out;
    }

    private ObjectNode filterCriteria(FilterCriteria criteria) {
        ObjectNode out = mapper.createObjectNode();
        ArrayNode filters = out.putArray("Filters");
        criteria.filters().forEach(f -> filters.addObject().put("Pattern", f.pattern()));
        return out;
    }

    private ObjectNode pollers(ProvisionedPollerConfig config) {
        ObjectNode out = mapper.createObjectNode();
        if (config.minimumPollers() != null) {
            out.put("MinimumPollers", config.minimumPollers());
        }
        if (config.maximumPollers() != null) {
            out.put("MaximumPollers", config.maximumPollers());
        }
        if (config.pollerGroupName() != null) {
            out.put("PollerGroupName", config.pollerGroupName());
        }
        return out;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
