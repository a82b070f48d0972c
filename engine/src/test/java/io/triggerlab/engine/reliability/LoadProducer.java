package io.triggerlab.engine.reliability;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * Produces the suite's records round-robin over the partitions, in timed chunks so that records keep arriving while a
 * fault is injected. Every value is unique ({@code r<n>}); each acknowledgement goes into the {@link DeliveryLedger}
 * at the offset the broker gave it, and a send that failed (the broker was down) is sent again until acknowledged.
 */
final class LoadProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final DeliveryLedger ledger;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fault-load-producer");
        t.setDaemon(true);
        return t;
    });
    private final Queue<Integer> failed = new ConcurrentLinkedQueue<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicInteger sent = new AtomicInteger();
    private int next;

    LoadProducer(String bootstrap, String topic, DeliveryLedger ledger) {
        this.topic = topic;
        this.ledger = ledger;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends {@code count} more records in {@code chunks} equal chunks, one every {@code everyMillis}, and waits for all acks. */
    void produce(int count, int chunks, long everyMillis) {
        long target = acknowledged.get() + count;
        int first = next;
        next += count;
        int chunk = Math.max(1, (count + chunks - 1) / chunks);
        AtomicInteger cursor = new AtomicInteger(first);
        int end = first + count;
        ScheduledFuture<?> job = ticker.scheduleAtFixedRate(() -> {
            int from = cursor.getAndAdd(chunk);
            for (int i = from; i < Math.min(end, from + chunk); i++) {
                send(i);
            }
            for (Integer retry = failed.poll(); retry != null; retry = failed.poll()) {
                send(retry);
            }
        }, 0, everyMillis, TimeUnit.MILLISECONDS);
        try {
            await("all " + count + " records acknowledged by the broker").atMost(java.time.Duration.ofMinutes(5))
                    .pollInterval(java.time.Duration.ofMillis(100))
                    .until(() -> {
                        if (cursor.get() >= end) {
                            for (Integer retry = failed.poll(); retry != null; retry = failed.poll()) {
                                send(retry);
                            }
                        }
                        return acknowledged.get() >= target;
                    });
        } finally {
            job.cancel(false);
        }
    }

    private void send(int n) {
        String value = "r" + n;
        int partition = n % ledger.partitions();
        sent.incrementAndGet();
        producer.send(new ProducerRecord<>(topic, partition, null, value.getBytes(StandardCharsets.UTF_8)),
                (metadata, error) -> {
                    if (error != null) {
                        failed.add(n);
                    } else {
                        ledger.produced(metadata.partition(), metadata.offset(), value);
                        acknowledged.incrementAndGet();
                    }
                });
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
