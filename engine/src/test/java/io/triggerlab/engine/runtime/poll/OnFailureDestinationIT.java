package io.triggerlab.engine.runtime.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.runtime.destination.FakeAwsServer;
import io.triggerlab.engine.controlplane.mapping.DestinationConfig;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.testing.KafkaTestClients;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** On-failure destinations end to end (docs/aws-behaviour.md#on-failure-destinations): a real Kafka topic, and the local outbox for AWS ARNs. */
@ExtendWith(SharedKafkaBroker.class)
class OnFailureDestinationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedKafkaBroker broker;
    private EngineHarness harness;
    private InvokeApiFunction function;

    OnFailureDestinationIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void setUp(@TempDir Path dataDir) {
        harness = new EngineHarness(broker.bootstrapServers(), dataDir);
        function = new InvokeApiFunction();
        harness.registerInvokeApiFunction("fn", function, Duration.ofSeconds(3));
    }

    @AfterEach
    void tearDown() {
        harness.close();
        function.close();
    }

    private InvocationRecord onlyRow(EventSourceMapping mapping, InvocationOutcome outcome) {
        List<InvocationSummary> rows = harness.engine().history().list(
                HistoryQuery.ofMapping(mapping.uuid(), 10).withOutcome(outcome));
        assertThat(rows).hasSize(1);
        return harness.engine().history().get(rows.get(0).id()).orElseThrow();
    }

    @Test
    void producesOneFailureRecordPerRecord_toTheKafkaTopic_keyedLikeTheOriginal_thenCommits() throws Exception {
        String topic = TestTopics.unique("src");
        String dlq = TestTopics.unique("dlq");
        broker.createTopic(topic, 1);
        broker.createTopic(dlq, 1);
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(broker.bootstrapServers())) {
            producer.send(new ProducerRecord<>(topic, 0, "k1", "one"));
            producer.send(new ProducerRecord<>(topic, 0, null, "two"));
            producer.flush();
        }
        function.behave((call, event) -> InvokeApiFunction.Response.error("always"));

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.maximumRetryAttempts(1).batchSize(10)
                .destinationConfig(DestinationConfig.onFailure("kafka://" + dlq)));

        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 2);
        assertThat(function.calls()).isEqualTo(2);
        List<ConsumerRecord<String, String>> failures;
        try (KafkaConsumer<String, String> consumer = KafkaTestClients.consumer(broker.bootstrapServers(), "read-" + dlq)) {
            consumer.subscribe(List.of(dlq));
            failures = KafkaTestClients.pollUntil(consumer, 2, Duration.ofSeconds(30));
        }
        assertThat(failures).hasSize(2);
        assertThat(failures).extracting(ConsumerRecord::key).containsExactly("k1", null);
        JsonNode first = JSON.readTree(failures.get(0).value());
        assertThat(first.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(first.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(2);
        assertThat(first.at("/requestContext/functionArn").asText()).isEqualTo(mapping.functionArn());
        assertThat(first.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertThat(first.at("/KafkaBatchInfo/batchSize").asInt()).isEqualTo(1);
        assertThat(first.at("/KafkaBatchInfo/recordInfo/offset").asText()).isEqualTo("0");
        assertThat(first.at("/KafkaBatchInfo/bootstrapServers").asText()).isEqualTo(broker.bootstrapServers());
        JsonNode original = first.at("/payload/records/" + topic + "-0/0");
        assertThat(new String(Base64.getDecoder().decode(original.get("value").asText()), StandardCharsets.UTF_8))
                .isEqualTo("one");
        assertThat(JSON.readTree(failures.get(1).value()).at("/KafkaBatchInfo/recordInfo/offset").asText()).isEqualTo("1");

        InvocationRecord sent = onlyRow(mapping, InvocationOutcome.SENT_TO_DESTINATION);
        assertThat(sent.recordCount()).isEqualTo(2);
        assertThat(sent.errorMessage()).isEqualTo("2 failure record(s) produced to kafka://" + dlq + " (RetriesExhausted)");
        assertThat(JSON.readTree(sent.payload()).size()).isEqualTo(2);
    }

    @Test
    void keepsAnSqsFailureRecordInTheLocalOutbox_withAwsShape() throws Exception {
        String topic = TestTopics.unique("sqs");
        broker.createTopic(topic, 1);
        harness.produce(topic, 0, "a", "b", "c");
        function.behave((call, event) -> InvokeApiFunction.Response.error("always"));
        String queue = "arn:aws:sqs:us-east-1:123456789012:orders-dlq";

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.maximumRetryAttempts(0).batchSize(10)
                .destinationConfig(DestinationConfig.onFailure(queue)));

        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 3);
        InvocationRecord kept = onlyRow(mapping, InvocationOutcome.SENT_TO_DESTINATION);
        assertThat(kept.errorMessage()).contains("kept in the local outbox for " + queue);
        JsonNode record = JSON.readTree(kept.payload());
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(1);
        assertThat(record.at("/KafkaBatchInfo/batchSize").asInt()).isEqualTo(3);
        assertThat(record.at("/KafkaBatchInfo/recordsInfo/" + topic + "-0/firstRecordOffset").asText()).isEqualTo("0");
        assertThat(record.at("/KafkaBatchInfo/recordsInfo/" + topic + "-0/lastRecordOffset").asText()).isEqualTo("2");
        assertThat(record.has("payload")).isFalse();
        assertThat(function.calls()).isEqualTo(1);
    }

    @Test
    void sendsTheFailureRecordToSqs_whenAwsDestinationsAreEnabled_andRecordsAServiceErrorAsDestinationFailed(
            @TempDir Path awsDataDir) throws Exception {
        List<String> sentBodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (FakeAwsServer sqs = new FakeAwsServer(request -> sqsAnswer(request, sentBodies))) {
            harness.close();
            java.nio.file.Files.writeString(awsDataDir.resolve("aws.properties"),
                    "destinations.enabled=true\ndestinations.endpoint=" + sqs.endpoint() + "\n");
            harness = new EngineHarness(broker.bootstrapServers(), awsDataDir);
            harness.registerInvokeApiFunction("fn", function, Duration.ofSeconds(3));
            function.behave((call, event) -> InvokeApiFunction.Response.error("always"));
            String okTopic = TestTopics.unique("sqs-real");
            String badTopic = TestTopics.unique("sqs-gone");
            broker.createTopic(okTopic, 1);
            broker.createTopic(badTopic, 1);
            harness.produce(okTopic, 0, "a", "b");
            harness.produce(badTopic, 0, "x");
            String queue = "arn:aws:sqs:us-east-1:123456789012:orders-dlq";

            EventSourceMapping ok = harness.createMapping("fn", okTopic, r -> r.maximumRetryAttempts(0).batchSize(10)
                    .destinationConfig(DestinationConfig.onFailure(queue)));
            EventSourceMapping bad = harness.createMapping("fn", badTopic, r -> r.maximumRetryAttempts(0).batchSize(10)
                    .destinationConfig(DestinationConfig.onFailure("arn:aws:sqs:us-east-1:123456789012:gone")));

            await().until(() -> harness.committedOffset(ok.uuid(), okTopic, 0) == 2
                    && harness.committedOffset(bad.uuid(), badTopic, 0) == 1);
            assertThat(sentBodies).hasSize(1);
            JsonNode record = JSON.readTree(sentBodies.get(0));
            assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(record.at("/KafkaBatchInfo/recordsInfo/" + okTopic + "-0/lastRecordOffset").asText()).isEqualTo("1");
            InvocationRecord sent = onlyRow(ok, InvocationOutcome.SENT_TO_DESTINATION);
            assertThat(sent.errorMessage()).contains("sent to SQS queue http://queue.local/123456789012/orders-dlq");
            assertThat(JSON.readTree(sent.payload())).isEqualTo(record);
            InvocationRecord failed = onlyRow(bad, InvocationOutcome.DESTINATION_FAILED);
            assertThat(failed.errorMessage()).contains("arn:aws:sqs:us-east-1:123456789012:gone",
                    "The specified queue does not exist");
        }
    }

    private static FakeAwsServer.Response sqsAnswer(FakeAwsServer.Request request, List<String> sentBodies) {
        String json = "application/x-amz-json-1.0";
        try {
            JsonNode in = JSON.readTree(request.body());
            if ("AmazonSQS.GetQueueUrl".equals(request.header("X-Amz-Target"))) {
                if (in.get("QueueName").asText().equals("gone")) {
                    return new FakeAwsServer.Response(400, json, "{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\","
                            + "\"message\":\"The specified queue does not exist.\"}");
                }
                return new FakeAwsServer.Response(200, json, "{\"QueueUrl\":\"http://queue.local/"
                        + in.get("QueueOwnerAWSAccountId").asText() + "/" + in.get("QueueName").asText() + "\"}");
            }
            String body = in.get("MessageBody").asText();
            sentBodies.add(body);
            String md5 = String.format("%032x", new java.math.BigInteger(1,
                    java.security.MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8))));
            return new FakeAwsServer.Response(200, json, "{\"MessageId\":\"m-1\",\"MD5OfMessageBody\":\"" + md5 + "\"}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
