package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.controlplane.mapping.DestinationConfig;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.FilterCriteria;
import io.triggerlab.engine.controlplane.mapping.KafkaEventSourceConfig;
import io.triggerlab.engine.controlplane.mapping.LoggingConfig;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.MetricsConfig;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.controlplane.mapping.SchemaRegistryConfig;
import io.triggerlab.engine.controlplane.mapping.SelfManagedEventSource;
import io.triggerlab.engine.controlplane.mapping.SourceAccessConfiguration;
import io.triggerlab.engine.controlplane.mapping.StartingPosition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code EventSourceMappingConfiguration} form, derived from the stored mapping: the expected bodies were written
 * by the hand-written writer this one replaced, so every member name, omission and timestamp text is pinned.
 */
class MappingResponseWriterTest {

    private static final Instant MODIFIED = Instant.parse("2026-03-01T12:00:00.333Z");
    private static final String UUID = "11111111-1111-1111-1111-111111111111";

    private final ObjectMapper json = new ObjectMapper();
    private final MappingResponseWriter writer = new MappingResponseWriter(json);

    private static EventSourceMapping msk() {
        return EventSourceMapping.builder().uuid(UUID)
                .functionArn("arn:aws:lambda:us-east-1:123456789012:function:f")
                .eventSourceArn("arn:aws:kafka:us-east-1:123456789012:cluster/c/abc")
                .topics(List.of("orders")).startingPosition(StartingPosition.LATEST)
                .lastModified(MODIFIED)
                .eventSourceMappingArn("arn:aws:lambda:us-east-1:123456789012:event-source-mapping:" + UUID)
                .build();
    }

    private static EventSourceMapping provisioned() {
        return msk().toBuilder()
                .amazonManagedKafkaEventSourceConfig(new KafkaEventSourceConfig(null, new SchemaRegistryConfig(
                        "arn:aws:glue:us-east-1:123456789012:registry/r", null,
                        List.of(new SchemaRegistryConfig.AccessConfig("BASIC_AUTH", "arn:s")),
                        List.of(new SchemaRegistryConfig.ValidationConfig("KEY")))))
                .provisionedPollerConfig(new ProvisionedPollerConfig(1, 200, null))
                .state(MappingState.ENABLED)
                .build();
    }

    @Test
    void onDemandMsk_atTheDefaults_omitsTheErrorControls_andReportsTheUuidAsConsumerGroup() {
        assertWritten(msk(), 
                "{\"UUID\":\"11111111-1111-1111-1111-111111111111\",\"StartingPosition\":\"LATEST\",\"BatchSize\":100,\"EventSourceArn\":\"arn:aws:kafka:us-east-1:123456789012:cluster/c/abc\",\"FunctionArn\":\"arn:aws:lambda:us-east-1:123456789012:function:f\",\"LastModified\":1772366400.333,\"LastProcessingResult\":\"No records processed\",\"State\":\"Creating\",\"StateTransitionReason\":\"USER_INITIATED\",\"Topics\":[\"orders\"],\"AmazonManagedKafkaEventSourceConfig\":{\"ConsumerGroupId\":\"11111111-1111-1111-1111-111111111111\"},\"EventSourceMappingArn\":\"arn:aws:lambda:us-east-1:123456789012:event-source-mapping:11111111-1111-1111-1111-111111111111\"}");
    }

    @Test
    void selfManaged_withEveryMember_writesAwsNames_andNeverTagsOrEnabled() {
        EventSourceMapping mapping = msk().toBuilder().eventSourceArn(null)
                .selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(List.of("b1:9092", "b2:9092")))
                .startingPosition(StartingPosition.AT_TIMESTAMP)
                .startingPositionTimestamp(Instant.parse("2026-02-01T00:00:00Z"))
                .batchSize(10).maximumBatchingWindowInSeconds(5)
                .sourceAccessConfigurations(List.of(new SourceAccessConfiguration("BASIC_AUTH",
                        "arn:aws:secretsmanager:us-east-1:123456789012:secret:s")))
                .selfManagedKafkaEventSourceConfig(new KafkaEventSourceConfig("grp",
                        new SchemaRegistryConfig("https://reg", "JSON", null, null)))
                .filterCriteria(FilterCriteria.of("{\"value\":{\"a\":[1]}}"))
                .kmsKeyArn("arn:aws:kms:us-east-1:123456789012:key/1")
                .destinationConfig(DestinationConfig.onFailure("kafka://dlq"))
                .maximumRetryAttempts(3).maximumRecordAgeInSeconds(600).bisectBatchOnFunctionError(true)
                .functionResponseTypes(List.of("ReportBatchItemFailures"))
                .metricsConfig(new MetricsConfig(List.of("EventCount")))
                .loggingConfig(new LoggingConfig("WARN"))
                .tags(Map.of("team", "x")).enabled(false).state(MappingState.DISABLED)
                .lastProcessingResult("OK")
                .build();

        JsonNode written = assertWritten(mapping, 
                "{\"UUID\":\"11111111-1111-1111-1111-111111111111\",\"StartingPosition\":\"AT_TIMESTAMP\",\"StartingPositionTimestamp\":1769904000.000,\"BatchSize\":10,\"MaximumBatchingWindowInSeconds\":5,\"FilterCriteria\":{\"Filters\":[{\"Pattern\":\"{\\\"value\\\":{\\\"a\\\":[1]}}\"}]},\"FunctionArn\":\"arn:aws:lambda:us-east-1:123456789012:function:f\",\"LastModified\":1772366400.333,\"LastProcessingResult\":\"OK\",\"State\":\"Disabled\",\"StateTransitionReason\":\"USER_INITIATED\",\"DestinationConfig\":{\"OnFailure\":{\"Destination\":\"kafka://dlq\"}},\"Topics\":[\"orders\"],\"SourceAccessConfigurations\":[{\"Type\":\"BASIC_AUTH\",\"URI\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:s\"}],\"SelfManagedEventSource\":{\"Endpoints\":{\"KAFKA_BOOTSTRAP_SERVERS\":[\"b1:9092\",\"b2:9092\"]}},\"MaximumRecordAgeInSeconds\":600,\"BisectBatchOnFunctionError\":true,\"MaximumRetryAttempts\":3,\"FunctionResponseTypes\":[\"ReportBatchItemFailures\"],\"SelfManagedKafkaEventSourceConfig\":{\"ConsumerGroupId\":\"grp\",\"SchemaRegistryConfig\":{\"SchemaRegistryURI\":\"https://reg\",\"EventRecordFormat\":\"JSON\",\"AccessConfigs\":[],\"SchemaValidationConfigs\":[]}},\"KMSKeyArn\":\"arn:aws:kms:us-east-1:123456789012:key/1\",\"MetricsConfig\":{\"Metrics\":[\"EventCount\"]},\"LoggingConfig\":{\"SystemLogLevel\":\"WARN\"},\"EventSourceMappingArn\":\"arn:aws:lambda:us-east-1:123456789012:event-source-mapping:11111111-1111-1111-1111-111111111111\"}");
        assertThat(written.get("StartingPositionTimestamp").toString()).isEqualTo("1769904000.000");
    }

    @Test
    void provisioned_writesTheErrorControlsEvenAtTheirDefaults_andTheSchemaRegistry() {
        assertWritten(provisioned(), 
                "{\"UUID\":\"11111111-1111-1111-1111-111111111111\",\"StartingPosition\":\"LATEST\",\"BatchSize\":100,\"EventSourceArn\":\"arn:aws:kafka:us-east-1:123456789012:cluster/c/abc\",\"FunctionArn\":\"arn:aws:lambda:us-east-1:123456789012:function:f\",\"LastModified\":1772366400.333,\"LastProcessingResult\":\"No records processed\",\"State\":\"Enabled\",\"StateTransitionReason\":\"USER_INITIATED\",\"Topics\":[\"orders\"],\"MaximumRecordAgeInSeconds\":-1,\"BisectBatchOnFunctionError\":false,\"MaximumRetryAttempts\":-1,\"AmazonManagedKafkaEventSourceConfig\":{\"ConsumerGroupId\":\"11111111-1111-1111-1111-111111111111\",\"SchemaRegistryConfig\":{\"SchemaRegistryURI\":\"arn:aws:glue:us-east-1:123456789012:registry/r\",\"AccessConfigs\":[{\"Type\":\"BASIC_AUTH\",\"URI\":\"arn:s\"}],\"SchemaValidationConfigs\":[{\"Attribute\":\"KEY\"}]}},\"ProvisionedPollerConfig\":{\"MinimumPollers\":1,\"MaximumPollers\":200},\"EventSourceMappingArn\":\"arn:aws:lambda:us-east-1:123456789012:event-source-mapping:11111111-1111-1111-1111-111111111111\"}");
    }

    @Test
    void provisioned_withACustomGroupAndPollerGroup() {
        EventSourceMapping mapping = provisioned().toBuilder()
                .provisionedPollerConfig(new ProvisionedPollerConfig(2, 5, "g1"))
                .amazonManagedKafkaEventSourceConfig(new KafkaEventSourceConfig("custom", null))
                .build();
        assertWritten(mapping, 
                "{\"UUID\":\"11111111-1111-1111-1111-111111111111\",\"StartingPosition\":\"LATEST\",\"BatchSize\":100,\"EventSourceArn\":\"arn:aws:kafka:us-east-1:123456789012:cluster/c/abc\",\"FunctionArn\":\"arn:aws:lambda:us-east-1:123456789012:function:f\",\"LastModified\":1772366400.333,\"LastProcessingResult\":\"No records processed\",\"State\":\"Enabled\",\"StateTransitionReason\":\"USER_INITIATED\",\"Topics\":[\"orders\"],\"MaximumRecordAgeInSeconds\":-1,\"BisectBatchOnFunctionError\":false,\"MaximumRetryAttempts\":-1,\"AmazonManagedKafkaEventSourceConfig\":{\"ConsumerGroupId\":\"custom\"},\"ProvisionedPollerConfig\":{\"MinimumPollers\":2,\"MaximumPollers\":5,\"PollerGroupName\":\"g1\"},\"EventSourceMappingArn\":\"arn:aws:lambda:us-east-1:123456789012:event-source-mapping:11111111-1111-1111-1111-111111111111\"}");
    }

    @Test
    void aLoggingConfigWithoutLevel_storedByAnEarlierVersion_isOmitted() {
        JsonNode written = writer.mapping(msk().toBuilder().loggingConfig(new LoggingConfig(null)).build());
        assertThat(written.has("LoggingConfig")).as(written.toString()).isFalse();
    }

    private JsonNode assertWritten(EventSourceMapping mapping, String expected) {
        JsonNode written = writer.mapping(mapping);
        try {
            // compared as parsed text: the writer's numbers are exact decimals, the expected text parses to doubles
            assertThat(json.readTree(written.toString())).isEqualTo(json.readTree(expected));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
        return written;
    }
}
