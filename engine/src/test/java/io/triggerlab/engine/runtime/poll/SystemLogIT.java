package io.triggerlab.engine.runtime.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.LoggingConfig;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.observe.events.EngineEventBus;
import io.triggerlab.engine.observe.metrics.MetricsSettings;
import io.triggerlab.engine.observe.systemlog.SystemLogEntry;
import io.triggerlab.engine.observe.systemlog.SystemLogLevel;
import io.triggerlab.engine.observe.systemlog.SystemLogQuery;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A trigger's system logs end to end (docs/aws-behaviour.md#esm-logging): real broker, real engine, the function
 * behind the Invoke wire protocol; the events are read back as the CLI and the console read them and checked field by
 * field against AWS's documented records.
 */
@ExtendWith(SharedKafkaBroker.class)
class SystemLogIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedKafkaBroker broker;
    /** The engine, the trigger's function "fn" with it. */
    private EngineHarness harness;
    private InvokeApiFunction function;

    SystemLogIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void setUp(@TempDir Path dataDir) {
        // The offsets are reported once per evaluation period: AWS's minute, half a second here.
        MetricsSettings metrics = MetricsSettings.defaults().withSampleInterval(Duration.ofMillis(250))
                .withEvaluationPeriod(Duration.ofMillis(500)).withAutoScaling(false);
        harness = new EngineHarness(broker.bootstrapServers(), dataDir, metrics, new EngineEventBus());
        function = harness.invokeApiFunction("fn", Duration.ofSeconds(3));
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void debug_onThreePartitions_writesThePollersStatus_andEachPartitionsOffsets() {
        String topic = TestTopics.unique("syslog-debug");
        broker.createTopic(topic, 3);
        harness.produce(topic, 0, "a0", "a1");
        harness.produce(topic, 1, "b0", "b1", "b2");
        harness.produce(topic, 2, "c0", "c1", "c2", "c3");

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r
                .provisionedPollerConfig(new ProvisionedPollerConfig(1, 1, null))
                .loggingConfig(new LoggingConfig("DEBUG")));
        String uuid = mapping.uuid();
        await().until(() -> harness.committedOffset(uuid, topic, 2) == 4 && harness.committedOffset(uuid, topic, 1) == 3
                && harness.committedOffset(uuid, topic, 0) == 2);

        JsonNode status = await().until(() -> latest(uuid, "POLLER_STATUS_EVENT"), e -> e != null
                && e.path("kafkaEventSourceConnection").path("assignedPartitionCount").asInt() == 3);
        assertCommonMembers(status, mapping, "INFO");
        JsonNode connection = status.path("kafkaEventSourceConnection");
        assertThat(connection.path("brokerEndpoints").asText()).isEqualTo(broker.bootstrapServers());
        assertThat(connection.path("consumerId").asText()).isEqualTo(uuid + "-0");
        assertThat(connection.path("topics")).containsExactly(JSON.getNodeFactory().textNode(topic));
        assertThat(connection.path("consumerGroupId").asText()).isEqualTo(uuid);
        assertThat(connection.path("securityProtocol").asText()).isEqualTo("PLAINTEXT");
        assertThat(connection.has("saslMechanism")).isFalse();
        assertThat(connection.path("totalPartitionCount").asInt()).isEqualTo(3);
        assertThat(connection.path("partitionsAssignmentGeneration").asInt()).isPositive();
        assertThat(connection.path("assignedPartitions")).extracting(JsonNode::asText)
                .containsExactly(topic + "-0", topic + "-1", topic + "-2");
        assertThat(names(connection)).containsExactly("brokerEndpoints", "consumerId", "topics", "consumerGroupId",
                "securityProtocol", "totalPartitionCount", "assignedPartitionCount", "partitionsAssignmentGeneration",
                "assignedPartitions");

        Map<String, Long> ends = Map.of(topic + "-0", 2L, topic + "-1", 3L, topic + "-2", 4L);
        for (Map.Entry<String, Long> end : ends.entrySet()) {
            JsonNode offsets = await().until(() -> latestOffsets(uuid, end.getKey()),
                    e -> e != null && e.path("kafkaPartitionOffsets").path("committedOffset").asLong() == end.getValue());
            assertCommonMembers(offsets, mapping, "DEBUG");
            assertThat(offsets.path("kafkaPartitionOffsets").toString()).isEqualTo("{\"partition\":\"" + end.getKey()
                    + "\",\"endOffset\":" + end.getValue() + ",\"consumedOffset\":" + (end.getValue() - 1)
                    + ",\"processedOffset\":" + (end.getValue() - 1) + ",\"committedOffset\":" + end.getValue() + "}");
        }
        assertThat(read(uuid, SystemLogLevel.DEBUG)).extracting(SystemLogEntry::eventType)
                .doesNotContain("ESM_PROCESSING_EVENT");
        assertThat(read(uuid, SystemLogLevel.INFO)).extracting(SystemLogEntry::eventType)
                .containsOnly("POLLER_STATUS_EVENT");
    }

    @Test
    void warn_writesOnlyTheProcessingErrors_ofAFailingFunction() {
        String topic = TestTopics.unique("syslog-warn");
        broker.createTopic(topic, 3);
        harness.produce(topic, 1, "bad");
        function.behave((call, event) -> InvokeApiFunction.Response.error("order 17 is invalid"));

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r
                .provisionedPollerConfig(new ProvisionedPollerConfig(1, 1, null))
                .maximumRetryAttempts(1)
                .loggingConfig(new LoggingConfig("WARN")));
        String uuid = mapping.uuid();
        await().until(() -> harness.committedOffset(uuid, topic, 1) == 1);

        // The history records the given-up batch on its own thread, possibly just after the commit.
        List<SystemLogEntry> entries = await().until(() -> read(uuid, SystemLogLevel.DEBUG), list -> list.size() >= 3);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.eventType()).isEqualTo("ESM_PROCESSING_EVENT");
            assertThat(entry.level()).isEqualTo(SystemLogLevel.WARN);
            assertCommonMembers(parse(entry), mapping, "WARN");
        });
        // The first attempt and its one retry, in the function's own words; then the batch given up.
        assertThat(entries).extracting(entry -> parse(entry).path("error").toString()).containsExactly(
                "{\"errorMessage\":\"order 17 is invalid\",\"errorCode\":\"java.lang.RuntimeException\"}",
                "{\"errorMessage\":\"order 17 is invalid\",\"errorCode\":\"java.lang.RuntimeException\"}",
                "{\"errorMessage\":\"1 record(s) dropped (RetryAttemptsExhausted): MaximumRetryAttempts used up; no"
                        + " on-failure destination is configured\",\"errorCode\":\"DROPPED\"}");
    }

    private static void assertCommonMembers(JsonNode event, EventSourceMapping mapping, String level) {
        assertThat(names(event).subList(0, 5)).containsExactly("eventType", "timestamp", "resourceArn",
                "eventProcessorId", "logLevel");
        assertThat(event.path("resourceArn").asText()).isEqualTo(mapping.eventSourceMappingArn());
        assertThat(event.has("eventSourceArn")).as("a self-managed cluster has no ARN").isFalse();
        assertThat(event.path("eventProcessorId").asText()).isEqualTo(mapping.uuid() + "/0");
        assertThat(event.path("logLevel").asText()).isEqualTo(level);
        assertThat(Instant.ofEpochMilli(event.path("timestamp").asLong()))
                .isBetween(mapping.lastModified().minusSeconds(5), Instant.now().plusSeconds(5));
    }

    private List<SystemLogEntry> read(String uuid, SystemLogLevel level) {
        List<SystemLogEntry> entries = harness.engine().client().systemLogs(new SystemLogQuery(uuid, 0, level, 1000));
        for (SystemLogEntry entry : entries) {
            assertThat(entry.logStreamName()).isEqualTo(SystemLogEntry.logStreamName(uuid, entry.timestamp()))
                    .matches("\\d{4}/\\d{2}/\\d{2}/" + uuid);
            assertThat(parse(entry).path("timestamp").asLong()).isEqualTo(entry.timestamp().toEpochMilli());
        }
        return entries;
    }

    private JsonNode latest(String uuid, String eventType) {
        JsonNode found = null;
        for (SystemLogEntry entry : read(uuid, SystemLogLevel.DEBUG)) {
            if (entry.eventType().equals(eventType)) {
                found = parse(entry);
            }
        }
        return found;
    }

    private JsonNode latestOffsets(String uuid, String partition) {
        JsonNode found = null;
        for (SystemLogEntry entry : read(uuid, SystemLogLevel.DEBUG)) {
            JsonNode event = parse(entry);
            if (event.path("kafkaPartitionOffsets").path("partition").asText().equals(partition)) {
                found = event;
            }
        }
        return found;
    }

    private static JsonNode parse(SystemLogEntry entry) {
        try {
            return JSON.readTree(entry.message());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
