package io.triggerlab.bench;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.time.Duration;
import java.util.List;

/**
 * The two baselines over the loaded topic, on the calling thread: the raw poll loop touching every value, and the same
 * loop plus the {@link MinimalEventBuilder}.
 */
final class RawThroughputRun {

    private final String bootstrap;
    private final String topic;
    private final long total;
    private final Duration max;
    private final HeapWatch heap;
    /** Folded from every value so the JIT cannot drop the reads. */
    private long checksum;

    RawThroughputRun(String bootstrap, String topic, long total, Duration max, HeapWatch heap) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.total = total;
        this.max = max;
        this.heap = heap;
    }

    Throughput raw() {
        return run(null);
    }

    Throughput minimal() {
        return run(new MinimalEventBuilder(bootstrap));
    }

    long checksum() {
        return checksum;
    }

    private Throughput run(MinimalEventBuilder builder) {
        heap.reset();
        ProgressClock clock = new ProgressClock(total, max.toNanos());
        long done = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = RawConsumers.create(bootstrap, MinimalEventBuilder.BATCH)) {
            consumer.subscribe(List.of(topic));
            boolean over = false;
            while (!over) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    byte[] value = r.value();
                    checksum += value.length + value[0] + value[value.length - 1];
                    if (builder != null) {
                        builder.add(r);
                    }
                }
                done += records.count();
                if (builder != null && done >= total) {
                    builder.flush();
                }
                over = clock.observe(done, System.nanoTime());
            }
        }
        if (builder != null) {
            checksum += builder.eventBytes();
        }
        return clock.result(heap.peakAfterGcMb());
    }
}
