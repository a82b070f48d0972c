package io.triggerlab.engine.poller;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Commits {@code offset + 1} of the last record of each partition of a delivered batch, synchronously, as Lambda does
 * after each successful invocation. Never commits anything that was not delivered.
 */
final class OffsetCommitter {

    private static final Logger log = LoggerFactory.getLogger(OffsetCommitter.class);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

    private final Consumer<byte[], byte[]> consumer;
    private final PollerObserver observer;

    OffsetCommitter(Consumer<byte[], byte[]> consumer, PollerObserver observer) {
        this.consumer = consumer;
        this.observer = observer;
    }

    /** Commits past every given record; returns false (and reports it) when the commit failed. */
    boolean commitPast(List<ConsumerRecord<byte[], byte[]>> delivered) {
        Map<TopicPartition, OffsetAndMetadata> offsets = nextOffsets(delivered);
        if (offsets.isEmpty()) {
            return true;
        }
        try {
            consumer.commitSync(offsets, COMMIT_TIMEOUT);
            observer.committed(offsets, delivered.size());
            return true;
        } catch (KafkaException e) {
            // A rebalance or a broker problem: the records were delivered but will be delivered again.
            log.warn("Commit of {} failed; the records will be redelivered: {}", offsets, e.toString());
            observer.commitError(e);
            return false;
        }
    }

    /**
     * Commits exact offsets (the poller's {@code PartitionProgress} decides them); {@code records} is how many records
     * they move past. Returns false (and reports it) when the commit failed.
     */
    boolean commit(Map<TopicPartition, OffsetAndMetadata> offsets, int records) {
        if (offsets.isEmpty()) {
            return true;
        }
        try {
            consumer.commitSync(offsets, COMMIT_TIMEOUT);
            observer.committed(offsets, records);
            return true;
        } catch (KafkaException e) {
            log.warn("Commit of {} failed; the records will be redelivered: {}", offsets, e.toString());
            observer.commitError(e);
            return false;
        }
    }

    /** Commits as far as every partition's run of done records reaches, if that moved. */
    void commitDone(PartitionProgress progress) {
        Map<TopicPartition, OffsetAndMetadata> offsets = progress.uncommitted();
        if (commit(offsets, progress.recordsIn(offsets))) {
            progress.committed(offsets);
        }
    }

    static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            OffsetAndMetadata current = offsets.get(tp);
            if (current == null || current.offset() <= r.offset()) {
                offsets.put(tp, new OffsetAndMetadata(r.offset() + 1));
            }
        }
        return offsets;
    }
}
