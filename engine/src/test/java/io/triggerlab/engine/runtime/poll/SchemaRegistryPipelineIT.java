package io.triggerlab.engine.runtime.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.controlplane.mapping.DestinationConfig;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.FilterCriteria;
import io.triggerlab.engine.controlplane.mapping.KafkaEventSourceConfig;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.controlplane.mapping.SchemaRegistryConfig;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.infra.schema.SchemaEncodings;
import io.triggerlab.engine.infra.schema.WireFraming;
import io.triggerlab.engine.infra.schema.sandbox.SandboxSchemaRegistry;
import io.triggerlab.engine.testing.KafkaTestClients;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mapping with a SchemaRegistryConfig on the real broker and the sandbox registry: Lambda's order (validate,
 * decode, filter, invoke), the delivered JSON with its schema metadata, and records the stage gives up.
 */
@ExtendWith(SharedKafkaBroker.class)
class SchemaRegistryPipelineIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AVSC = """
            {"type":"record","name":"Order","namespace":"shop","fields":[
              {"name":"id","type":"long"},{"name":"status","type":"string"}]}""";

    private final EmbeddedKafkaBroker broker;
    private final HttpClient http = HttpClient.newHttpClient();
    private EngineHarness harness;
    private InvokeApiFunction function;
    private SandboxSchemaRegistry registry;

    SchemaRegistryPipelineIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void setUp(@TempDir Path dataDir) {
        registry = SandboxSchemaRegistry.start(broker.bootstrapServers(), 0);
        harness = new EngineHarness(broker.bootstrapServers(), dataDir);
        function = new InvokeApiFunction();
        harness.registerInvokeApiFunction("fn", function, Duration.ofSeconds(5));
    }

    @AfterEach
    void tearDown() {
        harness.close();
        function.close();
        registry.close();
    }

    @Test
    void avroValuesArriveAsJsonWithTheirSchemaMetadata_andAFilterMatchesADecodedField() throws Exception {
        String topic = TestTopics.unique("avro");
        broker.createTopic(topic, 1);
        int id = register(topic + "-value", AVSC);
        produce(topic, avro(id, 1, "NEW"), avro(id, 2, "PAID"), avro(id, 3, "PAID"));

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.batchSize(10)
                .provisionedPollerConfig(new ProvisionedPollerConfig(1, 1, null))
                .selfManagedKafkaEventSourceConfig(new KafkaEventSourceConfig(null, schemaConfig("JSON")))
                .filterCriteria(new FilterCriteria(List.of(new FilterCriteria.Filter(
                        "{\"value\":{\"status\":[\"PAID\"]}}")))));

        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 3);
        JsonNode records = JSON.readTree(function.events().get(0)).get("records").get(topic + "-0");
        assertThat(records).hasSize(2);
        assertThat(new String(Base64.getDecoder().decode(records.get(0).get("value").asText()), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":2,\"status\":\"PAID\"}");
        assertThat(records.get(0).get("valueSchemaMetadata").toString())
                .isEqualTo("{\"schemaId\":\"" + id + "\",\"dataFormat\":\"AVRO\"}");
        assertThat(records.get(1).get("offset").asLong()).isEqualTo(2);
    }

    @Test
    void inSourceFormat_theFilterStillMatchesTheDecodedRecord_andTheFunctionGetsTheAvroBytes() throws Exception {
        String topic = TestTopics.unique("avro-source");
        broker.createTopic(topic, 1);
        int id = register(topic + "-value", AVSC);
        byte[] paid = avro(id, 2, "PAID");
        produce(topic, avro(id, 1, "NEW"), paid);

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.batchSize(10)
                .provisionedPollerConfig(new ProvisionedPollerConfig(1, 1, null))
                .selfManagedKafkaEventSourceConfig(new KafkaEventSourceConfig(null, schemaConfig("SOURCE")))
                .filterCriteria(new FilterCriteria(List.of(new FilterCriteria.Filter(
                        "{\"value\":{\"status\":[\"PAID\"]}}")))));

        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 2);
        JsonNode records = JSON.readTree(function.events().get(0)).get("records").get(topic + "-0");
        assertThat(records).hasSize(1);
        byte[] body = java.util.Arrays.copyOfRange(paid, 5, paid.length);
        assertThat(Base64.getDecoder().decode(records.get(0).get("value").asText())).isEqualTo(body);
        assertThat(records.get(0).get("valueSchemaMetadata").get("dataFormat").asText()).isEqualTo("AVRO");
    }

    @Test
    void unknownSchemaAndUndecodableBytes_goToTheDestinationWithLambdasReasons() throws Exception {
        String topic = TestTopics.unique("bad");
        String dlq = TestTopics.unique("dlq");
        broker.createTopic(topic, 1);
        broker.createTopic(dlq, 1);
        int id = register(topic + "-value", AVSC);
        produce(topic, WireFraming.confluent(424242, new byte[]{2}), WireFraming.confluent(id, new byte[]{(byte) 0x80}),
                avro(id, 9, "NEW"));

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.batchSize(10)
                .provisionedPollerConfig(new ProvisionedPollerConfig(1, 1, null))
                .selfManagedKafkaEventSourceConfig(new KafkaEventSourceConfig(null, schemaConfig("SOURCE")))
                .destinationConfig(DestinationConfig.onFailure("kafka://" + dlq)));

        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 3);
        assertThat(function.delivered()).extracting(InvokeApiFunction.Delivered::offset).containsExactly(2L);
        List<ConsumerRecord<String, String>> failures;
        try (KafkaConsumer<String, String> consumer = KafkaTestClients.consumer(broker.bootstrapServers(), "read-" + dlq)) {
            consumer.subscribe(List.of(dlq));
            failures = KafkaTestClients.pollUntil(consumer, 2, Duration.ofSeconds(30));
        }
        assertThat(failures).extracting(f -> JSON.readTree(f.value()).at("/requestContext/condition").asText())
                .containsExactly("SCHEMA_NOT_FOUND", "DESERIALIZATION_ERROR");
    }

    @Test
    void aRegistryThatIsDown_stopsTheTriggerWithoutSkippingARecord() throws Exception {
        String topic = TestTopics.unique("down");
        broker.createTopic(topic, 1);
        int id = register(topic + "-value", AVSC);
        URI url = registry.url();
        registry.close();
        produce(topic, avro(id, 1, "NEW"));

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r
                .provisionedPollerConfig(new ProvisionedPollerConfig(1, 1, null))
                .selfManagedKafkaEventSourceConfig(new KafkaEventSourceConfig(null, schemaConfig("JSON"))));

        await().until(() -> harness.engine().mappings().get(mapping.uuid()).lastProcessingResult()
                .startsWith("PROBLEM: Schema registry unavailable"));
        assertThat(function.calls()).isZero();
        assertThat(harness.committedOffset(mapping.uuid(), topic, 0)).isLessThan(1);

        registry = SandboxSchemaRegistry.start(broker.bootstrapServers(), url.getPort());
        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 1);
        assertThat(function.delivered()).extracting(InvokeApiFunction.Delivered::value)
                .containsExactly("{\"id\":1,\"status\":\"NEW\"}");
    }

    private SchemaRegistryConfig schemaConfig(String format) {
        return new SchemaRegistryConfig(registry.url().toString(), format, List.of(),
                List.of(new SchemaRegistryConfig.ValidationConfig("VALUE")));
    }

    private int register(String subject, String avsc) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(registry.url().resolve("/subjects/" + subject + "/versions"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("schema", avsc).toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("id").asInt();
    }

    private static byte[] avro(int schemaId, long id, String status) {
        Schema schema = new Schema.Parser().parse(AVSC);
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", id);
        record.put("status", status);
        return WireFraming.confluent(schemaId, SchemaEncodings.avro(schema, record));
    }

    private void produce(String topic, byte[]... values) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, 0, null, value)).get();
            }
        }
    }
}
