package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializerBase;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.KafkaEventSourceConfig;
import io.triggerlab.engine.controlplane.mapping.MappingPage;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.SchemaRegistryConfig;
import io.triggerlab.engine.controlplane.mapping.SourceAccessConfiguration;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes AWS's {@code EventSourceMappingConfiguration} (docs/aws-behaviour.md#response) with its PascalCase members, absent members omitted.
 * The members are derived from the stored {@link EventSourceMapping}: each field under its upper-camel-case name
 * (a few irregular AWS names are set in the mix-ins below), so a new mapping field is returned without code here.
 * Tags are never returned. Timestamps ({@code LastModified}, {@code StartingPositionTimestamp}) are rest-json
 * timestamps: epoch seconds as a JSON number with a millisecond fraction, e.g. {@code 1569284520.333}.
 *
 * <p>Decisions for what AWS leaves unconfirmed (docs/aws-behaviour.md#open-points):
 * <ul>
 *   <li>{@code MaximumBatchingWindowInSeconds} is omitted while the mapping uses Kafka's 500 ms default (see
 *       {@link EventSourceMapping}).</li>
 *   <li>{@code ConsumerGroupId}: the source kind's config object ({@code AmazonManagedKafkaEventSourceConfig} for
 *       MSK, {@code SelfManagedKafkaEventSourceConfig} for self-managed) is always returned with the group the mapping
 *       really uses — the custom id, or the mapping's UUID when none was given (docs/aws-behaviour.md#consumer-group). AWS reports a group for a
 *       mapping created without one: terraform-provider-aws declares {@code consumer_group_id} {@code Computed} for
 *       exactly that reason. The UUID is what a user needs to find the group in Kafka tools.</li>
 *   <li>{@code MaximumRetryAttempts}, {@code MaximumRecordAgeInSeconds} and {@code BisectBatchOnFunctionError} are
 *       returned in provisioned mode (where Kafka applies them) or when set to a non-default value; an on-demand
 *       mapping at the defaults (-1, -1, false) omits them, as Kafka mappings did before these settings existed for
 *       Kafka (docs/aws-behaviour.md#api-errors: AWS refused them as "Unsupported").</li>
 * </ul>
 */
final class MappingResponseWriter {

    private final ObjectMapper mapper;
    private final ObjectMapper configuration = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false) // 1569284520.000, as AWS writes it
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .addMixIn(EventSourceMapping.class, ConfigurationMembers.class)
            .addMixIn(SchemaRegistryConfig.class, RegistryMembers.class)
            .addMixIn(SourceAccessConfiguration.class, UriMembers.class)
            .addMixIn(SchemaRegistryConfig.AccessConfig.class, UriMembers.class)
            .addModule(new SimpleModule("rest-json")
                    .addSerializer(Instant.class, new ToStringSerializerBase(Instant.class) {
                        @Override
                        public String valueToString(Object value) {
                            return epochSeconds((Instant) value).toPlainString();
                        }

                        @Override
                        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider)
                                throws IOException {
                            gen.writeNumber(epochSeconds((Instant) value));
                        }
                    })
                    .addSerializer(MappingState.class, new ToStringSerializerBase(MappingState.class) {
                        @Override
                        public String valueToString(Object value) {
                            return ((MappingState) value).awsName();
                        }
                    }))
            .build();

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

    /** Every stored member under its AWS name, then the members whose response form is a decision (see above). */
    ObjectNode mapping(EventSourceMapping m) {
        ObjectNode out = configuration.valueToTree(m);
        out.properties().removeIf(member -> member.getValue().isObject() && member.getValue().isEmpty());
        retrySettings(out, m);
        out.set(m.isMsk() ? "AmazonManagedKafkaEventSourceConfig" : "SelfManagedKafkaEventSourceConfig",
                kafkaConfig(m));
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
            config.set("SchemaRegistryConfig", configuration.valueToTree(given.schemaRegistryConfig()));
        }
        return config;
    }

    /**
     * AWS's names where upper camel case of the field name is not the AWS name, and the members written by a
     * decision rather than as stored: {@code Tags} and {@code Enabled} are never returned (State says it), the Kafka
     * configs and the error controls are written by {@link #mapping}. Empty lists are omitted, as AWS omits them.
     */
    @SuppressWarnings("unused")
    private abstract static class ConfigurationMembers {
        @JsonProperty("UUID") String uuid;
        @JsonProperty("KMSKeyArn") String kmsKeyArn;
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<?> sourceAccessConfigurations;
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<?> functionResponseTypes;
        @JsonIgnore Map<?, ?> tags;
        @JsonIgnore boolean enabled;
        @JsonIgnore KafkaEventSourceConfig amazonManagedKafkaEventSourceConfig;
        @JsonIgnore KafkaEventSourceConfig selfManagedKafkaEventSourceConfig;
        @JsonIgnore int maximumRetryAttempts;
        @JsonIgnore int maximumRecordAgeInSeconds;
        @JsonIgnore boolean bisectBatchOnFunctionError;
    }

    @SuppressWarnings("unused")
    private abstract static class RegistryMembers {
        @JsonProperty("SchemaRegistryURI") String schemaRegistryUri;
    }

    @SuppressWarnings("unused")
    private abstract static class UriMembers {
        @JsonProperty("URI") String uri;
    }
}
