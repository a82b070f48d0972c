package io.triggerlab.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The benchmark's records, as in consumer-baseline.md: 1 KB random values (the worst case for the history's gzip), a
 * small key and two small headers, spread round-robin over {@value #PARTITIONS} partitions.
 */
final class BenchTopics {

    static final int PARTITIONS = 8;
    static final int VALUE_BYTES = 1024;
    /** Distinct values cycled through, so loading does not spend its time in the random generator. */
    private static final int VALUE_POOL = 4096;

    private final String bootstrap;
    private final byte[][] values = new byte[VALUE_POOL][];
    private final byte[] contentType = "application/octet-stream".getBytes(StandardCharsets.US_ASCII);

    BenchTopics(String bootstrap) {
        this.bootstrap = bootstrap;
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < VALUE_POOL; i++) {
            values[i] = new byte[VALUE_BYTES];
            for (int b = 0; b < VALUE_BYTES; b++) {
                values[i][b] = (byte) random.nextInt(256);
            }
        }
    }

    /** A producer for bulk loading: large batches, leader-only acks. */
    KafkaProducer<byte[], byte[]> bulkProducer() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A producer for latency runs: every record sent at once ({@code linger.ms=0}), {@code acks=all}. */
    KafkaProducer<byte[], byte[]> latencyProducer() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Writes {@code count} records to {@code topic} and waits until the broker has them all. */
    void load(String topic, int count) {
        try (KafkaProducer<byte[], byte[]> producer = bulkProducer()) {
            for (int i = 0; i < count; i++) {
                producer.send(record(topic, i, ("key-" + i).getBytes(StandardCharsets.US_ASCII)));
            }
            producer.flush();
        }
    }

    /** Record number {@code i}: partition {@code i % 8}, the given key, a pooled 1 KB value and two headers. */
    ProducerRecord<byte[], byte[]> record(String topic, int i, byte[] key) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceId", ("trace-" + i).getBytes(StandardCharsets.US_ASCII));
        headers.add("content-type", contentType);
        return new ProducerRecord<>(topic, i % PARTITIONS, null, key, values[i % VALUE_POOL], headers);
    }
}
