package io.triggerlab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.bench.function.LatencyProbeHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.ObjLongConsumer;

/**
 * Produce → arrival latency at a steady rate on a fresh topic: for the raw consumer, the moment {@code poll} returns
 * the record; for the engine, the moment the function is entered. The first
 * {@value BenchOptions#LATENCY_WARMUP_SECONDS} s are warm-up (group join, JIT) and not counted.
 */
final class LatencyRun {

    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final BenchTopics topics;
    private final String bootstrap;
    private final int rate;
    private final int seconds;
    private final ObjectMapper json = new ObjectMapper();

    LatencyRun(BenchTopics topics, String bootstrap, int rate, int seconds) {
        this.topics = topics;
        this.bootstrap = bootstrap;
        this.rate = rate;
        this.seconds = seconds;
    }

    private int expected() {
        return rate * seconds;
    }

    Latency raw(String topic) {
        SteadyProducer producer = new SteadyProducer(topics, topic, rate, BenchOptions.LATENCY_WARMUP_SECONDS, seconds);
        LatencySamples samples = new LatencySamples();
        try (KafkaConsumer<byte[], byte[]> consumer = RawConsumers.create(bootstrap, 500)) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(50));
            }
            Thread sender = start(producer);
            long drainUntil = Long.MAX_VALUE;
            while (samples.count() < expected() && System.nanoTime() < drainUntil) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                long arrived = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    long sent = SteadyProducer.sentNanos(r.key());
                    if (producer.measured(sent)) {
                        samples.add(arrived - sent);
                    }
                }
                if (!sender.isAlive() && drainUntil == Long.MAX_VALUE) {
                    drainUntil = System.nanoTime() + DRAIN.toNanos();
                }
            }
            join(sender);
        }
        return samples.summary();
    }

    Latency engine(String topic, EngineVariant variant, Path dataDirectory) {
        ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
        ObjLongConsumer<byte[]> probe = (payload, entered) -> arrivals.add(new Arrival(payload, entered));
        System.getProperties().put(LatencyProbeHandler.PROBE_PROPERTY, probe);
        SteadyProducer producer = new SteadyProducer(topics, topic, rate, BenchOptions.LATENCY_WARMUP_SECONDS, seconds);
        LatencySamples samples = new LatencySamples();
        BenchEngine engine = BenchEngine.start(dataDirectory, bootstrap, variant, topic, LatencyProbeHandler.class);
        try {
            Thread sender = start(producer);
            long drainUntil = Long.MAX_VALUE;
            while (samples.count() < expected() && System.nanoTime() < drainUntil) {
                Pause.millis(50);
                for (Arrival a = arrivals.poll(); a != null; a = arrivals.poll()) {
                    addSamples(a, producer, samples);
                }
                if (!sender.isAlive() && drainUntil == Long.MAX_VALUE) {
                    drainUntil = System.nanoTime() + DRAIN.toNanos();
                }
            }
            join(sender);
        } finally {
            engine.close();
            System.getProperties().remove(LatencyProbeHandler.PROBE_PROPERTY);
        }
        return samples.summary();
    }

    /** Reads every record's send time from its base64 key in the event. */
    private void addSamples(Arrival arrival, SteadyProducer producer, LatencySamples samples) {
        try {
            JsonNode records = json.readTree(arrival.payload()).get("records");
            for (Map.Entry<String, JsonNode> partition : records.properties()) {
                for (JsonNode record : partition.getValue()) {
                    long sent = SteadyProducer.sentNanos(Base64.getDecoder().decode(record.get("key").asText()));
                    if (producer.measured(sent)) {
                        samples.add(arrival.enteredNanos() - sent);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The function received an event that is not JSON", e);
        }
    }

    private static Thread start(SteadyProducer producer) {
        Thread sender = new Thread(producer::run, "bench-steady-producer");
        sender.setDaemon(true);
        sender.start();
        return sender;
    }

    private static void join(Thread sender) {
        try {
            sender.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the producer", e);
        }
    }

    private record Arrival(byte[] payload, long enteredNanos) {
    }
}
