package io.triggerlab.bench;

import org.apache.kafka.clients.producer.KafkaProducer;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends records at a steady rate on its own thread for warm-up plus measured seconds. Each record's key is the
 * {@link System#nanoTime()} of its send call in decimal ASCII, so whoever receives it (the raw consumer or the engine's
 * function, all in this JVM) can compute its latency. Only records sent inside the measured window count.
 */
final class SteadyProducer {

    private final BenchTopics topics;
    private final String topic;
    private final int rate;
    private final long warmupNanos;
    private final long measureNanos;
    private volatile long measureFrom = Long.MAX_VALUE;
    private volatile long measureUntil = Long.MAX_VALUE;

    SteadyProducer(BenchTopics topics, String topic, int rate, int warmupSeconds, int measureSeconds) {
        this.topics = topics;
        this.topic = topic;
        this.rate = rate;
        this.warmupNanos = warmupSeconds * 1_000_000_000L;
        this.measureNanos = measureSeconds * 1_000_000_000L;
    }

    /** Sends everything; returns when the last record is acknowledged. */
    void run() {
        long interval = 1_000_000_000L / rate;
        try (KafkaProducer<byte[], byte[]> producer = topics.latencyProducer()) {
            long start = System.nanoTime();
            measureFrom = start + warmupNanos;
            measureUntil = measureFrom + measureNanos;
            for (int i = 0; ; i++) {
                long due = start + i * interval;
                if (due >= measureUntil) {
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                byte[] key = Long.toString(System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
                producer.send(topics.record(topic, i, key));
            }
            producer.flush();
        }
    }

    /** True when a record sent at {@code sentNanos} belongs to the measured window. */
    boolean measured(long sentNanos) {
        return sentNanos >= measureFrom && sentNanos < measureUntil;
    }

    static long sentNanos(byte[] key) {
        return Long.parseLong(new String(key, StandardCharsets.US_ASCII));
    }
}
