package io.triggerlab.engine.controlplane.mapping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.triggerlab.engine.controlplane.mapping.MappingRequests.msk;
import static io.triggerlab.engine.controlplane.mapping.MappingRequests.selfManaged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MappingValidatorTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final MappingValidator validator = new MappingValidator(Clock.fixed(NOW, ZoneOffset.UTC));

    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka-user";
    private static final String V = "1 validation error detected: Value ";

    static Stream<Arguments> acceptedCreates() {
        return Stream.of(
                arguments("msk baseline", msk()),
                arguments("self-managed baseline", selfManaged()),
                arguments("name with qualifier", msk().functionName("my-function:PROD")),
                arguments("function ARN", msk().functionName("arn:aws:lambda:us-west-2:123456789012:function:my-function")),
                arguments("partial ARN", msk().functionName("123456789012:function:my-function")),
                arguments("64-char name", msk().functionName("f".repeat(64))),
                arguments("MSK VPC connection ARN", msk().eventSourceArn(
                        "arn:aws:kafka:us-east-1:123456789012:vpc-connection/210987654321/orders-cluster/6f2a-11ee")),
                arguments("10 endpoints", selfManaged().selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(
                        Collections.nCopies(10, "b.example.com:9092")))),
                arguments("topic of 249 chars", msk().topics(List.of("t".repeat(249)))),
                arguments("AT_TIMESTAMP now", msk().startingPosition("AT_TIMESTAMP").startingPositionTimestamp(NOW)),
                arguments("BatchSize 1", msk().batchSize(1)),
                arguments("BatchSize 10000", msk().batchSize(10000)),
                arguments("window 0", msk().maximumBatchingWindowInSeconds(0)),
                arguments("window 300", msk().maximumBatchingWindowInSeconds(300)),
                arguments("23 access configurations", selfManaged().sourceAccessConfigurations(
                        Collections.nCopies(23, new SourceAccessConfiguration("VPC_SUBNET", "subnet:subnet-0a1b")))),
                arguments("MSK SCRAM-512", msk().sourceAccessConfigurations(List.of(sac("SASL_SCRAM_512_AUTH")))),
                arguments("MSK mTLS", msk().sourceAccessConfigurations(List.of(sac("CLIENT_CERTIFICATE_TLS_AUTH")))),
                arguments("self-managed BASIC_AUTH + root CA", selfManaged().sourceAccessConfigurations(
                        List.of(sac("BASIC_AUTH"), sac("SERVER_ROOT_CA_CERTIFICATE")))),
                arguments("consumer group 200 chars", msk().amazonManagedKafkaEventSourceConfig(
                        new KafkaEventSourceConfig("g".repeat(200), null))),
                arguments("5 filters", msk().filterCriteria(FilterCriteria.of("{\"value\":{\"a\":[1]}}", "{\"value\":{\"a\":[1]}}", "{\"value\":{\"a\":[1]}}", "{\"value\":{\"a\":[1]}}", "{\"value\":{\"a\":[1]}}"))),
                arguments("KMS key ARN", msk().kmsKeyArn("arn:aws:kms:us-east-1:123456789012:key/1234")),
                arguments("kafka:// other topic", msk().destinationConfig(DestinationConfig.onFailure("kafka://orders-dlq"))),
                arguments("SQS destination", msk().destinationConfig(
                        DestinationConfig.onFailure("arn:aws:sqs:us-east-1:123456789012:dlq"))),
                arguments("retries -1", msk().maximumRetryAttempts(-1)),
                arguments("retries 10000", msk().maximumRetryAttempts(10000)),
                arguments("record age -1", msk().maximumRecordAgeInSeconds(-1)),
                arguments("record age 60", msk().maximumRecordAgeInSeconds(60)),
                arguments("record age 604800", msk().maximumRecordAgeInSeconds(604800)),
                arguments("ReportBatchItemFailures", msk().functionResponseTypes(List.of("ReportBatchItemFailures"))),
                arguments("pollers 200/2000", msk().provisionedPollerConfig(new ProvisionedPollerConfig(200, 2000, "group_1"))),
                arguments("pollers min=max", msk().provisionedPollerConfig(new ProvisionedPollerConfig(3, 3, null))),
                arguments("3 metrics", msk().metricsConfig(new MetricsConfig(List.of("EventCount", "ErrorCount", "KafkaMetrics")))),
                arguments("log level WARN", msk().loggingConfig(new LoggingConfig("WARN"))),
                arguments("tags", msk().tags(Map.of("team", "payments", "k".repeat(128), "v".repeat(256)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedCreates")
    void acceptsCreate_whenWithinEveryRule(String rule, CreateEventSourceMappingRequest.Builder request) {
        assertThatCode(() -> validator.validateCreate(request.build())).doesNotThrowAnyException();
    }

    static Stream<Arguments> refusedCreates() {
        return Stream.of(
                arguments("FunctionName missing", msk().functionName(null),
                        V + "null at 'functionName' failed to satisfy constraint: Member must not be null"),
                arguments("FunctionName pattern", msk().functionName("my function"),
                        V + "'my function' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: "),
                arguments("FunctionName > 64", msk().functionName("f".repeat(65)),
                        "at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 64"),
                arguments("FunctionName > 256", msk().functionName("arn:aws:lambda:us-east-1:123456789012:function:" + "f".repeat(220)),
                        "Member must have length less than or equal to 256"),
                arguments("no source", msk().eventSourceArn(null), "Unsupported source arn : null"),
                arguments("both sources", msk().selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(List.of("b:9092"))),
                        "Specify either EventSourceArn (an Amazon MSK cluster) or SelfManagedEventSource"),
                arguments("non-Kafka ARN", msk().eventSourceArn("arn:aws:sqs:us-east-1:123456789012:queue"),
                        "Unsupported source arn : arn:aws:sqs:us-east-1:123456789012:queue. TriggerLab runs Kafka event sources only"),
                arguments("11 endpoints", selfManaged().selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(
                        Collections.nCopies(11, "b.example.com:9092"))),
                        "at 'selfManagedEventSource.endpoints.KAFKA_BOOTSTRAP_SERVERS' failed to satisfy constraint: Member must have length less than or equal to 10"),
                arguments("endpoint pattern", selfManaged().selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(List.of("broker"))),
                        V + "'broker' at 'selfManagedEventSource.endpoints.KAFKA_BOOTSTRAP_SERVERS.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern"),
                arguments("endpoint key", selfManaged().selfManagedEventSource(new SelfManagedEventSource(Map.of("ZOOKEEPER", List.of("b:2181")))),
                        V + "'ZOOKEEPER' at 'selfManagedEventSource.endpoints' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy enum value set: [KAFKA_BOOTSTRAP_SERVERS]]"),
                arguments("two topics", msk().topics(List.of("a1", "b1")),
                        V + "'[a1, b1]' at 'topics' failed to satisfy constraint: Member must have length less than or equal to 1"),
                arguments("no topics", msk().topics(null), "Topics is required for a Kafka event source: give exactly one topic name"),
                arguments("topic pattern", msk().topics(List.of(".hidden")),
                        V + "'.hidden' at 'topics.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern: [^.]([a-zA-Z0-9\\-_.]+)"),
                arguments("topic length", msk().topics(List.of("t".repeat(250))),
                        "at 'topics.1.member' failed to satisfy constraint: Member must have length less than or equal to 249"),
                arguments("StartingPosition missing", msk().startingPosition(null),
                        "StartingPosition is required for a Kafka event source: use TRIM_HORIZON, LATEST or AT_TIMESTAMP"),
                arguments("StartingPosition enum", msk().startingPosition("EARLIEST"),
                        V + "'EARLIEST' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_TIMESTAMP]"),
                arguments("AT_TIMESTAMP without timestamp", msk().startingPosition("AT_TIMESTAMP"),
                        "StartingPositionTimestamp is required when StartingPosition is AT_TIMESTAMP"),
                arguments("timestamp without AT_TIMESTAMP", msk().startingPositionTimestamp(NOW),
                        "StartingPositionTimestamp can only be set when StartingPosition is AT_TIMESTAMP (it is LATEST)"),
                arguments("timestamp in future", msk().startingPosition("AT_TIMESTAMP").startingPositionTimestamp(NOW.plusSeconds(1)),
                        "StartingPositionTimestamp 2026-03-01T12:00:01Z is in the future"),
                arguments("BatchSize 0", msk().batchSize(0),
                        V + "'0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1"),
                arguments("BatchSize 20000", msk().batchSize(20000),
                        V + "'20000' at 'batchSize' failed to satisfy constraint: Member must have value less than or equal to 10000"),
                arguments("window 301", msk().maximumBatchingWindowInSeconds(301),
                        V + "'301' at 'maximumBatchingWindowInSeconds' failed to satisfy constraint: Member must have value less than or equal to 300"),
                arguments("window -1", msk().maximumBatchingWindowInSeconds(-1),
                        "Member must have value greater than or equal to 0"),
                arguments("24 access configurations", selfManaged().sourceAccessConfigurations(
                        Collections.nCopies(24, new SourceAccessConfiguration("VPC_SUBNET", "subnet:subnet-0a1b"))),
                        "at 'sourceAccessConfigurations' failed to satisfy constraint: Member must have length less than or equal to 23"),
                arguments("access type enum", selfManaged().sourceAccessConfigurations(List.of(sac("SASL_PLAIN"))),
                        V + "'SASL_PLAIN' at 'sourceAccessConfigurations.1.member.type' failed to satisfy constraint: Member must satisfy enum value set: [BASIC_AUTH, "),
                arguments("access URI pattern", selfManaged().sourceAccessConfigurations(List.of(new SourceAccessConfiguration("BASIC_AUTH", "secret#1"))),
                        V + "'secret#1' at 'sourceAccessConfigurations.1.member.uRI' failed to satisfy constraint: Member must satisfy regular expression pattern"),
                arguments("access URI length", selfManaged().sourceAccessConfigurations(List.of(new SourceAccessConfiguration("BASIC_AUTH", "a".repeat(201)))),
                        "at 'sourceAccessConfigurations.1.member.uRI' failed to satisfy constraint: Member must have length less than or equal to 200"),
                arguments("BASIC_AUTH on MSK", msk().sourceAccessConfigurations(List.of(sac("BASIC_AUTH"))),
                        "SourceAccessConfigurations type BASIC_AUTH is not supported for an Amazon MSK event source"),
                arguments("SCRAM-256 on MSK", msk().sourceAccessConfigurations(List.of(sac("SASL_SCRAM_256_AUTH"))),
                        "SourceAccessConfigurations type SASL_SCRAM_256_AUTH is not supported for an Amazon MSK event source"),
                arguments("root CA on MSK", msk().sourceAccessConfigurations(List.of(sac("SERVER_ROOT_CA_CERTIFICATE"))),
                        "SourceAccessConfigurations type SERVER_ROOT_CA_CERTIFICATE is not supported for an Amazon MSK event source"),
                arguments("VIRTUAL_HOST on Kafka", selfManaged().sourceAccessConfigurations(List.of(sac("VIRTUAL_HOST"))),
                        "SourceAccessConfigurations type VIRTUAL_HOST is not supported for a Kafka event source"),
                arguments("consumer group too long", msk().amazonManagedKafkaEventSourceConfig(new KafkaEventSourceConfig("g".repeat(201), null)),
                        "at 'amazonManagedKafkaEventSourceConfig.consumerGroupId' failed to satisfy constraint: Member must have length less than or equal to 200"),
                arguments("consumer group empty", msk().amazonManagedKafkaEventSourceConfig(new KafkaEventSourceConfig("", null)),
                        "Member must have length greater than or equal to 1"),
                arguments("consumer group pattern", msk().amazonManagedKafkaEventSourceConfig(new KafkaEventSourceConfig("my group!", null)),
                        V + "'my group!' at 'amazonManagedKafkaEventSourceConfig.consumerGroupId' failed to satisfy constraint: Member must satisfy regular expression pattern"),
                arguments("self-managed config on MSK", msk().selfManagedKafkaEventSourceConfig(new KafkaEventSourceConfig("g1", null)),
                        "Unsupported 'selfManagedKafkaEventSourceConfig' parameter for given event source mapping type."),
                arguments("6 filters", msk().filterCriteria(FilterCriteria.of("{\"value\":{\"a\":[1]}}", "{\"value\":{\"a\":[1]}}", "{\"value\":{\"a\":[1]}}", "{\"value\":{\"a\":[1]}}", "{\"value\":{\"a\":[1]}}", "{\"value\":{\"a\":[1]}}")),
                        "FilterCriteria has 6 filters: at most 5 are allowed per event source mapping"),
                arguments("pattern too long", msk().filterCriteria(FilterCriteria.of("{\"a\":\"" + "x".repeat(4100) + "\"}")),
                        "at 'filterCriteria.filters.1.member.pattern' failed to satisfy constraint: Member must have length less than or equal to 4096"),
                arguments("pattern not JSON", msk().filterCriteria(FilterCriteria.of("{\"value\":{\"a\":[1]}}", "{value: x")),
                        "Invalid filter pattern definition. Filter 2 of FilterCriteria: Unexpected character"),
                arguments("pattern not object", msk().filterCriteria(FilterCriteria.of("[1]")),
                        "Invalid filter pattern definition. Filter 1 of FilterCriteria: Filter is not an object"),
                arguments("KMS key pattern", msk().kmsKeyArn("key/1234"),
                        V + "'key/1234' at 'kMSKeyArn' failed to satisfy constraint: Member must satisfy regular expression pattern"),
                arguments("destination pattern", msk().destinationConfig(DestinationConfig.onFailure("sqs://dlq")),
                        V + "'sqs://dlq' at 'destinationConfig.onFailure.destination' failed to satisfy constraint: Member must satisfy regular expression pattern"),
                arguments("destination = source topic", msk().destinationConfig(DestinationConfig.onFailure("kafka://orders")),
                        "The OnFailure destination kafka://orders is the mapping's source topic: Lambda prevents infinite loops"),
                arguments("OnSuccess", msk().destinationConfig(new DestinationConfig(new DestinationConfig.Destination("arn:aws:sqs:us-east-1:123456789012:ok"), null)),
                        "DestinationConfig.OnSuccess is not supported in CreateEventSourceMapping or UpdateEventSourceMapping"),
                arguments("retries -2", msk().maximumRetryAttempts(-2),
                        V + "'-2' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value greater than or equal to -1"),
                arguments("retries 10001", msk().maximumRetryAttempts(10001),
                        "at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 10000"),
                arguments("record age 59", msk().maximumRecordAgeInSeconds(59),
                        "MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)"),
                arguments("record age 0", msk().maximumRecordAgeInSeconds(0),
                        "MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)"),
                arguments("record age 604801", msk().maximumRecordAgeInSeconds(604801),
                        "at 'maximumRecordAgeInSeconds' failed to satisfy constraint: Member must have value less than or equal to 604800"),
                arguments("response type enum", msk().functionResponseTypes(List.of("ReportFailures")),
                        V + "'ReportFailures' at 'functionResponseTypes.1.member' failed to satisfy constraint: Member must satisfy enum value set: [ReportBatchItemFailures]"),
                arguments("two response types", msk().functionResponseTypes(List.of("ReportBatchItemFailures", "ReportBatchItemFailures")),
                        "at 'functionResponseTypes' failed to satisfy constraint: Member must have length less than or equal to 1"),
                arguments("min pollers 0", msk().provisionedPollerConfig(new ProvisionedPollerConfig(0, 10, null)),
                        "at 'provisionedPollerConfig.minimumPollers' failed to satisfy constraint: Member must have value greater than or equal to 1"),
                arguments("min pollers 201", msk().provisionedPollerConfig(new ProvisionedPollerConfig(201, 300, null)),
                        "at 'provisionedPollerConfig.minimumPollers' failed to satisfy constraint: Member must have value less than or equal to 200"),
                arguments("max pollers 2001", msk().provisionedPollerConfig(new ProvisionedPollerConfig(1, 2001, null)),
                        "MaximumPollers 2001 is out of range: must be 1..2000 for a Kafka event source mapping"),
                arguments("max < min", msk().provisionedPollerConfig(new ProvisionedPollerConfig(5, 2, null)),
                        "MaximumPollers (2) must be greater than or equal to MinimumPollers (5)"),
                arguments("poller group pattern", msk().provisionedPollerConfig(new ProvisionedPollerConfig(1, 2, "my group")),
                        "at 'provisionedPollerConfig.pollerGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-_]*"),
                arguments("4 metrics", msk().metricsConfig(new MetricsConfig(List.of("EventCount", "ErrorCount", "KafkaMetrics", "EventCount"))),
                        "at 'metricsConfig.metrics' failed to satisfy constraint: Member must have length less than or equal to 3"),
                arguments("metric enum", msk().metricsConfig(new MetricsConfig(List.of("OffsetLag"))),
                        V + "'OffsetLag' at 'metricsConfig.metrics.1.member' failed to satisfy constraint: Member must satisfy enum value set: [EventCount, ErrorCount, KafkaMetrics]"),
                arguments("log level", msk().loggingConfig(new LoggingConfig("ERROR")),
                        V + "'ERROR' at 'loggingConfig.systemLogLevel' failed to satisfy constraint: Member must satisfy enum value set: [DEBUG, INFO, WARN]"),
                arguments("tag key too long", msk().tags(Map.of("k".repeat(129), "v")),
                        "'{" + "k".repeat(129) + "=v}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)]"),
                arguments("tag key empty", msk().tags(Map.of("", "v")),
                        V + "'{=v}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1,"),
                arguments("tag value too long", msk().tags(Map.of("k", "v".repeat(257))),
                        "at 'tags' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 256, Member must have length greater than or equal to 0, Member"),
                arguments("tag pattern", msk().tags(Map.of("team", "a|b")),
                        V + "'{team=a|b}' at 'tags' failed to satisfy constraint: Map value must satisfy constraint: ["),
                arguments("ParallelizationFactor", msk().parallelizationFactor(2),
                        "Unsupported 'parallelizationFactor' parameter for given event source mapping type."),
                arguments("TumblingWindowInSeconds", msk().tumblingWindowInSeconds(60),
                        "Unsupported 'tumblingWindowInSeconds' parameter for given event source mapping type."),
                arguments("ScalingConfig", msk().scalingConfig(Map.of("MaximumConcurrency", 2)),
                        "Unsupported 'scalingConfig' parameter for given event source mapping type."),
                arguments("Queues", msk().queues(List.of("q")),
                        "Unsupported 'queues' parameter for given event source mapping type."),
                arguments("DocumentDBEventSourceConfig", msk().documentDBEventSourceConfig(Map.of("DatabaseName", "db")),
                        "Unsupported 'documentDBEventSourceConfig' parameter for given event source mapping type."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCreates")
    void refusesCreate_withSpecificMessage(String rule, CreateEventSourceMappingRequest.Builder request, String message) {
        assertThatThrownBy(() -> validator.validateCreate(request.build()))
                .isInstanceOf(expectedType(rule, message))
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((LambdaApiException) e).httpStatus()).isEqualTo(400));
    }

    /** Model constraints answer ValidationException; Lambda's own rules (the 64-character name too) keep IPVE. */
    private static Class<? extends LambdaApiException> expectedType(String rule, String message) {
        return (message.contains("Member must") || message.contains("failed to satisfy")) && !rule.equals("FunctionName > 64")
                ? ValidationException.class : InvalidParameterValueException.class;
    }

    @Test
    void reportsEveryModelConstraintAtOnce_likeAws() {
        assertThatThrownBy(() -> validator.validateCreate(msk().batchSize(20000).maximumBatchingWindowInSeconds(301).build()))
                .hasMessage("2 validation errors detected: Value '20000' at 'batchSize' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 10000; Value '301' at 'maximumBatchingWindowInSeconds' "
                        + "failed to satisfy constraint: Member must have value less than or equal to 300");
    }

    static Stream<Arguments> refusedUpdates() {
        return Stream.of(
                arguments("Topics", (UnaryOperator<UpdateEventSourceMappingRequest.Builder>) b -> b.topics(List.of("other")),
                        "Topics cannot be updated: it can only be set by CreateEventSourceMapping; delete this mapping and create a new one to change it"),
                arguments("EventSourceArn", (UnaryOperator<UpdateEventSourceMappingRequest.Builder>) b -> b.eventSourceArn(MappingRequests.CLUSTER_ARN),
                        "EventSourceArn cannot be updated"),
                arguments("SelfManagedEventSource", (UnaryOperator<UpdateEventSourceMappingRequest.Builder>) b -> b.selfManagedEventSource(
                        SelfManagedEventSource.ofBootstrapServers(List.of("b:9092"))), "SelfManagedEventSource cannot be updated"),
                arguments("StartingPosition", (UnaryOperator<UpdateEventSourceMappingRequest.Builder>) b -> b.startingPosition("LATEST"),
                        "StartingPosition cannot be updated"),
                arguments("StartingPositionTimestamp", (UnaryOperator<UpdateEventSourceMappingRequest.Builder>) b -> b.startingPositionTimestamp(NOW),
                        "StartingPositionTimestamp cannot be updated"),
                arguments("ConsumerGroupId", (UnaryOperator<UpdateEventSourceMappingRequest.Builder>) b -> b.amazonManagedKafkaEventSourceConfig(
                        new KafkaEventSourceConfig("g2", null)), "ConsumerGroupId cannot be updated"),
                arguments("Tags", (UnaryOperator<UpdateEventSourceMappingRequest.Builder>) b -> b.tags(Map.of("a", "b")),
                        "Tags cannot be updated: it can only be set by CreateEventSourceMapping; use TagResource to change tags"),
                arguments("BatchSize 0", (UnaryOperator<UpdateEventSourceMappingRequest.Builder>) b -> b.batchSize(0),
                        V + "'0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1"),
                arguments("record age 30", (UnaryOperator<UpdateEventSourceMappingRequest.Builder>) b -> b.maximumRecordAgeInSeconds(30),
                        "MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)"),
                arguments("kafka:// source topic", (UnaryOperator<UpdateEventSourceMappingRequest.Builder>) b -> b.destinationConfig(
                        DestinationConfig.onFailure("kafka://orders")), "is the mapping's source topic"),
                arguments("BASIC_AUTH on MSK", (UnaryOperator<UpdateEventSourceMappingRequest.Builder>) b -> b.sourceAccessConfigurations(
                        List.of(sac("BASIC_AUTH"))), "not supported for an Amazon MSK event source"),
                arguments("ParallelizationFactor", (UnaryOperator<UpdateEventSourceMappingRequest.Builder>) b -> b.parallelizationFactor(1),
                        "Unsupported 'parallelizationFactor' parameter for given event source mapping type."),
                arguments("self-managed config on MSK", (UnaryOperator<UpdateEventSourceMappingRequest.Builder>) b -> b.selfManagedKafkaEventSourceConfig(
                        new KafkaEventSourceConfig(null, null)), "Unsupported 'selfManagedKafkaEventSourceConfig' parameter"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedUpdates")
    void refusesUpdate_withSpecificMessage(String rule, UnaryOperator<UpdateEventSourceMappingRequest.Builder> change,
                                           String message) {
        EventSourceMapping existing = existingMskMapping();
        assertThatThrownBy(() -> validator.validateUpdate(change.apply(UpdateEventSourceMappingRequest.builder()).build(), existing))
                .isInstanceOf(expectedType(rule, message))
                .hasMessageContaining(message);
    }

    @Test
    void acceptsUpdate_ofEveryUpdatableMember() {
        UpdateEventSourceMappingRequest update = UpdateEventSourceMappingRequest.builder()
                .functionName("other-function").enabled(false).batchSize(500).maximumBatchingWindowInSeconds(2)
                .sourceAccessConfigurations(List.of(sac("SASL_SCRAM_512_AUTH")))
                .amazonManagedKafkaEventSourceConfig(new KafkaEventSourceConfig(null, new SchemaRegistryConfig(
                        "https://registry.example.com", "JSON", null, List.of(new SchemaRegistryConfig.ValidationConfig("VALUE")))))
                .filterCriteria(new FilterCriteria(List.of())).kmsKeyArn("").destinationConfig(DestinationConfig.onFailure(""))
                .maximumRetryAttempts(3).maximumRecordAgeInSeconds(3600).bisectBatchOnFunctionError(true)
                .functionResponseTypes(List.of()).provisionedPollerConfig(new ProvisionedPollerConfig(null, null, null))
                .metricsConfig(new MetricsConfig(List.of("EventCount"))).loggingConfig(new LoggingConfig("DEBUG"))
                .build();
        assertThatCode(() -> validator.validateUpdate(update, existingMskMapping())).doesNotThrowAnyException();
    }

    static EventSourceMapping existingMskMapping() {
        return EventSourceMapping.builder().uuid("a1b2c3d4-0000-4000-8000-000000000001")
                .eventSourceMappingArn("arn:aws:lambda:us-east-1:123456789012:event-source-mapping:a1b2c3d4-0000-4000-8000-000000000001")
                .functionArn("arn:aws:lambda:us-east-1:123456789012:function:my-function")
                .eventSourceArn(MappingRequests.CLUSTER_ARN).topics(List.of("orders"))
                .startingPosition(StartingPosition.LATEST).state(MappingState.ENABLED).lastModified(NOW).build();
    }

    private static SourceAccessConfiguration sac(String type) {
        return new SourceAccessConfiguration(type, SECRET);
    }
}
