package io.triggerlab.engine.runtime.payload;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Not a test: a rough microbenchmark of event building, run by hand (no wall-clock bounds belong in unit tests).
 * 10 000 records of 1 KB random values, a small key and two small headers over 8 partitions, as in
 * consumer-baseline.md; our writer against a naive Jackson {@code ObjectMapper} of a {@code Map} (base64 through
 * {@code writeBinary}, boxed header ints). Run:
 * <pre>java -cp engine/target/test-classes:engine/target/classes:$(deps) io.triggerlab.engine.runtime.payload.KafkaEventWriterBench</pre>
 */
public final class KafkaEventWriterBench {

    private static final int RECORDS = 10_000;
    private static final int ROUNDS = 11;
    private static final int EVENTS_PER_ROUND = 30;

    private KafkaEventWriterBench() {
    }

    public static void main(String[] args) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> batch = batch();
        EventSource source = EventSource.msk("arn:aws:kafka:us-east-1:123456789012:cluster/bench/1", "b-1:9098,b-2:9098");
        KafkaEventWriter writer = new KafkaEventWriter(source);
        ObjectMapper mapper = new ObjectMapper();
        long sink = 0;
        double[] ours = new double[ROUNDS - 1];
        double[] naive = new double[ROUNDS - 1];
        for (int round = 0; round < ROUNDS; round++) { // alternate to share any background noise; round 0 is warm-up
            long t0 = System.nanoTime();
            for (int i = 0; i < EVENTS_PER_ROUND; i++) {
                sink += writer.write(batch).length;
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < EVENTS_PER_ROUND; i++) {
                sink += mapper.writeValueAsBytes(naiveEvent(source, batch)).length;
            }
            long t2 = System.nanoTime();
            System.out.printf("round %d: KafkaEventWriter %,.0f records/s   naive ObjectMapper %,.0f records/s%n",
                    round, perSecond(t1 - t0), perSecond(t2 - t1));
            if (round > 0) {
                ours[round - 1] = perSecond(t1 - t0);
                naive[round - 1] = perSecond(t2 - t1);
            }
        }
        double medianOurs = median(ours);
        double medianNaive = median(naive);
        System.out.printf("median: KafkaEventWriter %,.0f records/s, naive ObjectMapper %,.0f records/s, ratio %.2fx "
                + "(event %,d bytes; checksum %d)%n", medianOurs, medianNaive, medianOurs / medianNaive,
                writer.write(batch).length, sink);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double perSecond(long nanos) {
        return (double) RECORDS * EVENTS_PER_ROUND * 1e9 / nanos;
    }

    private static List<ConsumerRecord<byte[], byte[]>> batch() {
        SplittableRandom random = new SplittableRandom(7);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            byte[] value = new byte[1024];
            for (int b = 0; b < value.length; b++) {
                value[b] = (byte) random.nextInt(256);
            }
            RecordHeaders headers = TestRecords.headers("traceId", "trace-" + i, "content-type", "application/octet-stream");
            records.add(TestRecords.record("bench", i % 8, i / 8, 1_700_000_000_000L + i, TimestampType.CREATE_TIME,
                    TestRecords.utf8("key-" + i), value, headers));
        }
        return records;
    }

    /** The obvious way: build a Map tree and let Jackson serialize it. */
    private static Map<String, Object> naiveEvent(EventSource source, List<ConsumerRecord<byte[], byte[]>> batch) {
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : batch) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("topic", r.topic());
            record.put("partition", r.partition());
            record.put("offset", r.offset());
            record.put("timestamp", r.timestamp());
            record.put("timestampType", r.timestampType().name());
            record.put("key", r.key());
            record.put("value", r.value());
            List<Map<String, List<Integer>>> headers = new ArrayList<>();
            for (Header h : r.headers()) {
                List<Integer> bytes = new ArrayList<>();
                for (byte b : h.value()) {
                    bytes.add((int) b);
                }
                headers.add(Map.of(h.key(), bytes));
            }
            record.put("headers", headers);
            groups.computeIfAbsent(r.topic() + "-" + r.partition(), k -> new ArrayList<>()).add(record);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventSource", source.eventSource());
        event.put("eventSourceArn", source.eventSourceArn());
        event.put("bootstrapServers", source.bootstrapServers());
        event.put("records", groups);
        return event;
    }
}
