package io.triggerlab.engine.runtime.poll;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records a producer may legally write but a naive consumer trips over: bytes that are not UTF-8, null keys and values,
 * a thousand headers, the same header key twice. Each reaches the function byte for byte, read through AWS's own
 * {@code KafkaEvent}, and the partition commits past it.
 */
@ExtendWith(SharedKafkaBroker.class)
class HostileRecordsIT {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final EmbeddedKafkaBroker broker;
    private EngineHarness harness;
    private InvokeApiFunction function;

    HostileRecordsIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void setUp(@TempDir Path dataDir) {
        harness = new EngineHarness(broker.bootstrapServers(), dataDir);
        function = new InvokeApiFunction();
        harness.registerInvokeApiFunction("fn", function, Duration.ofSeconds(5));
    }

    @AfterEach
    void tearDown() {
        harness.close();
        function.close();
    }

    @Test
    void deliversHostileRecordsByteForByte_andCommitsPastThem() throws Exception {
        String topic = TestTopics.unique("hostile");
        broker.createTopic(topic, 1);
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0x00, (byte) 0x80};
        RecordHeaders thousand = new RecordHeaders();
        for (int i = 0; i < 1000; i++) {
            thousand.add("h" + i, ("v" + i).getBytes(StandardCharsets.UTF_8));
        }
        RecordHeaders duplicates = new RecordHeaders();
        duplicates.add("trace", "first".getBytes(StandardCharsets.UTF_8));
        duplicates.add("trace", "second".getBytes(StandardCharsets.UTF_8));
        duplicates.add("empty", new byte[0]);
        duplicates.add("binary", notUtf8);
        List<ProducerRecord<byte[], byte[]>> records = List.of(
                new ProducerRecord<>(topic, 0, notUtf8, notUtf8),
                new ProducerRecord<>(topic, 0, (byte[]) null, (byte[]) null),
                new ProducerRecord<>(topic, 0, new byte[0], new byte[0]),
                new ProducerRecord<>(topic, 0, (byte[]) null, "thousand headers".getBytes(StandardCharsets.UTF_8), thousand),
                new ProducerRecord<>(topic, 0, "k".getBytes(StandardCharsets.UTF_8), "dup headers".getBytes(StandardCharsets.UTF_8),
                        duplicates),
                new ProducerRecord<>(topic, 0, (byte[]) null, "\u0000\u202E\uD83D\uDE00</script>\"\\".getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> r : records) {
                producer.send(r).get();
            }
        }

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.batchSize(10));

        await().until(() -> received().size() >= records.size());
        List<KafkaEvent.KafkaEventRecord> got = received();
        assertThat(got).hasSize(records.size());
        for (int i = 0; i < records.size(); i++) {
            assertSame(records.get(i), got.get(i));
        }
        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == records.size());
        assertThat(harness.engine().mappings().get(mapping.uuid()).lastProcessingResult()).isEqualTo("OK");
    }

    private List<KafkaEvent.KafkaEventRecord> received() throws Exception {
        List<KafkaEvent.KafkaEventRecord> out = new ArrayList<>();
        for (byte[] event : function.events()) {
            JSON.readValue(event, KafkaEvent.class).getRecords().values().forEach(out::addAll);
        }
        return out;
    }

    private static void assertSame(ProducerRecord<byte[], byte[]> sent, KafkaEvent.KafkaEventRecord got) {
        assertThat(decode(got.getKey())).as("key").isEqualTo(sent.key());
        assertThat(decode(got.getValue())).as("value").isEqualTo(sent.value());
        List<Map<String, byte[]>> headers = got.getHeaders();
        List<org.apache.kafka.common.header.Header> expected = List.of(sent.headers().toArray());
        assertThat(headers).as("headers, in order, duplicates kept").hasSize(expected.size());
        for (int h = 0; h < expected.size(); h++) {
            assertThat(headers.get(h)).containsOnlyKeys(expected.get(h).key());
            assertThat(headers.get(h).get(expected.get(h).key())).isEqualTo(expected.get(h).value());
        }
    }

    private static byte[] decode(String base64) {
        return base64 == null ? null : Base64.getDecoder().decode(base64);
    }
}
