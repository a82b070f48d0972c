package io.triggerlab.bench;

import io.triggerlab.bench.function.NoopHandler;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The engine delivering the loaded topic to the no-op function. Progress is what the engine committed (it commits
 * after each successful invocation), read from the broker every {@value #SAMPLE_MILLIS} ms: delivered, not just polled.
 */
final class EngineThroughputRun {

    private static final long SAMPLE_MILLIS = 20;

    private final String bootstrap;
    private final String topic;
    private final long total;
    private final Duration max;
    private final HeapWatch heap;

    EngineThroughputRun(String bootstrap, String topic, long total, Duration max, HeapWatch heap) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.total = total;
        this.max = max;
        this.heap = heap;
    }

    /** One run; {@code facts} is told how many invocations kept their payload and the engine's overhead. */
    Throughput run(EngineVariant variant, Path dataDirectory, java.util.function.Consumer<EngineRunFacts> facts) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             BenchEngine engine = BenchEngine.start(dataDirectory, bootstrap, variant, topic, NoopHandler.class)) {
            heap.reset();
            ProgressClock clock = new ProgressClock(total, max.toNanos());
            while (!clock.observe(committed(admin, engine.groupId()), System.nanoTime())) {
                Pause.millis(SAMPLE_MILLIS);
            }
            Throughput result = clock.result(heap.peakAfterGcMb());
            facts.accept(new EngineRunFacts(engine.payloadsKept(), engine.overhead()));
            return result;
        }
    }

    private long committed(Admin admin, String groupId) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long sum = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
                if (e.getKey().topic().equals(topic) && e.getValue() != null) {
                    sum += e.getValue().offset(); // the topic has no transactions: offsets count records
                }
            }
            return sum;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the committed offsets of group " + groupId + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading committed offsets", e);
        }
    }
}
