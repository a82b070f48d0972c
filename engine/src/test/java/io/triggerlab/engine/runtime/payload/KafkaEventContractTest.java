package io.triggerlab.engine.runtime.payload;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent.KafkaEventRecord;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Our payloads read back through AWS's own event model (aws-lambda-java-events 3.16.1) with exactly the consumed bytes. */
class KafkaEventContractTest {

    private final ObjectMapper lambdaJson = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void mskEvent_deserializesIntoKafkaEvent_withTheConsumedBytes() throws Exception {
        KafkaEvent event = read(new KafkaEventWriter(EventFixtures.MSK).write(EventFixtures.mskRecords()));

        assertThat(event.getEventSource()).isEqualTo("aws:kafka");
        assertThat(event.getEventSourceArn()).isEqualTo(EventFixtures.MSK.eventSourceArn());
        assertThat(event.getBootstrapServers()).isEqualTo(EventFixtures.MSK.bootstrapServers());
        assertThat(event.getRecords()).containsOnlyKeys("orders-0", "orders-1");
        assertSameRecords(event, EventFixtures.mskRecords());
    }

    @Test
    void selfManagedEvent_deserializesIntoKafkaEvent_withoutArn() throws Exception {
        KafkaEvent event = read(new KafkaEventWriter(EventFixtures.SELF_MANAGED).write(EventFixtures.selfManagedRecords()));

        assertThat(event.getEventSource()).isEqualTo("SelfManagedKafka");
        assertThat(event.getEventSourceArn()).isNull();
        assertThat(event.getRecords()).containsOnlyKeys("payments.v1-3", "payments.v1-0");
        assertSameRecords(event, EventFixtures.selfManagedRecords());
    }

    @Test
    void headerByteAbove127_arrivesAsSignedBytes() throws Exception {
        KafkaEvent event = read(EventFixtures.resource("msk-event.json"));

        byte[] name = event.getRecords().get("orders-0").get(1).getHeaders().get(0).get("name");

        assertThat(name).isEqualTo("Zoë".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(new String(EventFixtures.resource("msk-event.json"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("{\"name\":[90,111,-61,-85]}");
    }

    @Test
    void tombstoneAndNullKey_areAbsentFields_readAsNull() throws Exception {
        KafkaEvent event = read(EventFixtures.resource("msk-event.json"));

        assertThat(event.getRecords().get("orders-0").get(1).getValue()).isNull();
        assertThat(event.getRecords().get("orders-1").get(0).getKey()).isNull();
    }

    /**
     * AWS's sample ({@code aws-lambda-java-tests/src/test/resources/kafka_event.json}) has this shape: the envelope
     * fields in this order and a record of topic, partition, offset, timestamp, timestampType, value (no key, no
     * headers). Our fixture reproduces that shape with our own values; our writer must emit the same fields in the same
     * order, plus the {@code headers} array that real events carry.
     */
    @Test
    void matchesAwsSampleEventShape_fieldForFieldAndInOrder() throws Exception {
        JsonNode sample = lambdaJson.readTree(EventFixtures.resource("aws-sample-shape-event.json"));
        JsonNode sampleRecord = sample.get("records").elements().next().get(0);
        ConsumerRecord<byte[], byte[]> same = TestRecords.record(sampleRecord.get("topic").asText(),
                sampleRecord.get("partition").asInt(), sampleRecord.get("offset").asLong(),
                sampleRecord.get("timestamp").asLong(), TimestampType.valueOf(sampleRecord.get("timestampType").asText()),
                null, Base64.getDecoder().decode(sampleRecord.get("value").asText()), new RecordHeaders());
        EventSource source = EventSource.msk(sample.get("eventSourceArn").asText(), sample.get("bootstrapServers").asText());

        JsonNode ours = lambdaJson.readTree(new KafkaEventWriter(source).write(List.of(same)));
        JsonNode ourRecord = ours.get("records").get(sampleRecord.get("topic").asText() + "-" + sampleRecord.get("partition").asInt()).get(0);

        assertThat(fieldNames(ours)).isEqualTo(fieldNames(sample));
        List<String> expectedRecordFields = new ArrayList<>(fieldNames(sampleRecord));
        expectedRecordFields.add("headers");
        assertThat(fieldNames(ourRecord)).isEqualTo(expectedRecordFields);
        assertThat(ours.get("eventSource")).isEqualTo(sample.get("eventSource"));
        assertThat(ourRecord.get("value")).isEqualTo(sampleRecord.get("value"));
        assertThat(ourRecord.get("timestamp")).isEqualTo(sampleRecord.get("timestamp"));
        assertThat(read(EventFixtures.resource("aws-sample-shape-event.json")).getRecords().values().iterator().next().get(0).getValue())
                .isEqualTo(ourRecord.get("value").asText());
    }

    private KafkaEvent read(byte[] json) throws Exception {
        return lambdaJson.readValue(json, KafkaEvent.class);
    }

    private static void assertSameRecords(KafkaEvent event, List<ConsumerRecord<byte[], byte[]>> consumed) {
        Map<String, Integer> seen = new HashMap<>();
        int total = 0;
        for (ConsumerRecord<byte[], byte[]> r : consumed) {
            String key = r.topic() + "-" + r.partition();
            KafkaEventRecord got = event.getRecords().get(key).get(seen.merge(key, 1, Integer::sum) - 1);
            assertThat(got.getTopic()).isEqualTo(r.topic());
            assertThat(got.getPartition()).isEqualTo(r.partition());
            assertThat(got.getOffset()).isEqualTo(r.offset());
            assertThat(got.getTimestamp()).isEqualTo(r.timestamp());
            assertThat(got.getTimestampType()).isEqualTo(r.timestampType().name());
            assertThat(decode(got.getKey())).isEqualTo(r.key());
            assertThat(decode(got.getValue())).isEqualTo(r.value());
            Iterator<Map<String, byte[]>> headers = got.getHeaders().iterator();
            for (Header h : r.headers()) {
                Map<String, byte[]> single = headers.next();
                assertThat(single).containsOnlyKeys(h.key());
                assertThat(single.get(h.key())).isEqualTo(h.value() == null ? new byte[0] : h.value());
            }
            assertThat(headers.hasNext()).isFalse();
            total++;
        }
        assertThat(event.getRecords().values().stream().mapToInt(List::size).sum()).isEqualTo(total);
    }

    private static byte[] decode(String base64) {
        return base64 == null ? null : Base64.getDecoder().decode(base64);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
