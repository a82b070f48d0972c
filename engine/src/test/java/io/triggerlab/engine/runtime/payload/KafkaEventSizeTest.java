package io.triggerlab.engine.runtime.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The size arithmetic the batch assembler relies on equals what {@link KafkaEventWriter#write} produces. */
class KafkaEventSizeTest {

    private static final String TOPIC_CHARS = "abcxyzABCXYZ0189._-";
    /** Header keys are arbitrary strings: quotes, backslashes, control chars, non-ASCII, emoji, a lone surrogate. */
    private static final String[] KEY_PIECES = {"a", "Z", "9", "\"", "\\", "/", "\n", "\t", "\u0000", "\u001f", "\u007f",
            "é", "ë", "€", "日本", "😀", "\ud800", " "};

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void arithmeticEqualsWrittenLength_forManyRandomBatches() throws Exception {
        SplittableRandom random = new SplittableRandom(20261125);
        for (int batch = 0; batch < 400; batch++) {
            EventSource source = random.nextBoolean()
                    ? EventSource.msk("arn:aws:kafka:eu-west-1:123456789012:cluster/c/" + batch, "b-1:9098")
                    : EventSource.selfManaged("h" + batch + ":9092,k:9093");
            KafkaEventWriter writer = new KafkaEventWriter(source);
            List<ConsumerRecord<byte[], byte[]>> records = randomBatch(random);

            byte[] event = writer.write(records);

            assertThat(event.length).as("batch %d", batch).isEqualTo(predictedSize(writer, records));
            assertRoundTrips(event, records);
        }
    }

    @Test
    void singleRecordEvent_isEmptyEventPlusPartitionPlusRecordLessOneSeparator() {
        KafkaEventWriter writer = new KafkaEventWriter(EventSource.selfManaged("localhost:9092"));
        ConsumerRecord<byte[], byte[]> r = TestRecords.sized("orders", 12, 345, 1000);

        long expected = writer.emptyEventSize() + KafkaEventWriter.partitionSize("orders", 12) + KafkaEventWriter.recordSize(r) - 1;

        assertThat(writer.write(List.of(r)).length).isEqualTo(expected);
        assertThat(writer.eventSize(KafkaEventWriter.partitionSize("orders", 12), KafkaEventWriter.recordSize(r))).isEqualTo(expected);
    }

    private static long predictedSize(KafkaEventWriter writer, List<ConsumerRecord<byte[], byte[]>> records) {
        Set<TopicPartition> partitions = new LinkedHashSet<>();
        long recordBytes = 0;
        for (ConsumerRecord<byte[], byte[]> r : records) {
            partitions.add(new TopicPartition(r.topic(), r.partition()));
            recordBytes += KafkaEventWriter.recordSize(r);
        }
        long partitionBytes = partitions.stream().mapToLong(KafkaEventWriter::partitionSize).sum();
        return writer.eventSize(partitionBytes, recordBytes);
    }

    /** Valid JSON, and every record reads back with the bytes it was written from. */
    private void assertRoundTrips(byte[] event, List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        JsonNode root = json.readTree(event);
        Map<String, Integer> seen = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            String group = r.topic() + "-" + r.partition();
            int index = seen.merge(group, 1, Integer::sum) - 1;
            JsonNode node = root.get("records").get(group).get(index);
            assertThat(node.get("offset").asLong()).isEqualTo(r.offset());
            assertThat(node.has("key")).isEqualTo(r.key() != null);
            assertThat(node.has("value")).isEqualTo(r.value() != null);
            if (r.key() != null) {
                assertThat(Base64.getDecoder().decode(node.get("key").asText())).isEqualTo(r.key());
            }
            if (r.value() != null) {
                assertThat(Base64.getDecoder().decode(node.get("value").asText())).isEqualTo(r.value());
            }
            Iterator<JsonNode> headers = node.get("headers").elements();
            for (Header h : r.headers()) {
                Map.Entry<String, JsonNode> entry = headers.next().properties().iterator().next();
                String expectedKey = h.key().replace("\ud800", "\ufffd"); // the only lone surrogate in KEY_PIECES
                assertThat(entry.getKey()).isEqualTo(expectedKey);
                byte[] expected = h.value() == null ? new byte[0] : h.value();
                assertThat(entry.getValue().size()).isEqualTo(expected.length);
                for (int i = 0; i < expected.length; i++) {
                    assertThat(entry.getValue().get(i).intValue()).isEqualTo(expected[i]);
                }
            }
            assertThat(headers.hasNext()).isFalse();
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> randomBatch(SplittableRandom random) {
        int topics = 1 + random.nextInt(3);
        String[] topicNames = new String[topics];
        for (int t = 0; t < topics; t++) {
            topicNames[t] = randomString(random, 1 + random.nextInt(30), TOPIC_CHARS);
        }
        Map<TopicPartition, Long> nextOffset = new HashMap<>();
        int count = random.nextInt(60);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String topic = topicNames[random.nextInt(topics)];
            int partition = random.nextInt(4) == 0 ? random.nextInt(1000) : random.nextInt(3);
            long offset = nextOffset.merge(new TopicPartition(topic, partition),
                    random.nextBoolean() ? 1L : random.nextLong(1, Long.MAX_VALUE / 4), (a, b) -> a + 1);
            TimestampType type = TimestampType.values()[random.nextInt(3)];
            long timestamp = type == TimestampType.NO_TIMESTAMP_TYPE ? -1 : random.nextLong(0, 4_102_444_800_000L);
            records.add(TestRecords.record(topic, partition, offset, timestamp, type,
                    maybeBytes(random, 40), maybeBytes(random, 3000), randomHeaders(random)));
        }
        return records;
    }

    private static RecordHeaders randomHeaders(SplittableRandom random) {
        RecordHeaders headers = new RecordHeaders();
        int n = random.nextInt(4) == 0 ? 0 : random.nextInt(5);
        String previous = "k";
        for (int i = 0; i < n; i++) {
            StringBuilder key = new StringBuilder();
            int pieces = random.nextInt(6);
            for (int p = 0; p < pieces; p++) {
                key.append(KEY_PIECES[random.nextInt(KEY_PIECES.length)]);
            }
            String k = random.nextInt(4) == 0 ? previous : key.toString(); // duplicate keys now and then
            headers.add(k, maybeBytes(random, 20));
            previous = k;
        }
        return headers;
    }

    private static byte[] maybeBytes(SplittableRandom random, int maxLength) {
        if (random.nextInt(5) == 0) {
            return null;
        }
        byte[] b = new byte[random.nextInt(maxLength + 1)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    private static String randomString(SplittableRandom random, int length, String alphabet) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
