package io.triggerlab.engine.poller;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Commits {@code offset + 1} of the last record of each partition of a delivered batch, synchronously, as Lambda does
 * after each successful invocation. Never commits anything that was not delivered.
 *
 * <p>A commit that fails — typically {@code RebalanceInProgressException} while a consumer joins or leaves the group —
 * is kept as pending and retried with the next commit and after each poll (which completes the rebalance), so the
 * group's committed offsets catch up even when no further record arrives on the partition. Pending offsets of a
 * partition that is revoked are committed in the revocation callback, before the next owner starts from them; of a
 * partition that is lost they are dropped (the next owner redelivers: at-least-once).
 */
final class OffsetCommitter {

    private static final Logger log = LoggerFactory.getLogger(OffsetCommitter.class);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

    private final Consumer<byte[], byte[]> consumer;
    private final PollerObserver observer;
    /** Delivered but not yet committed, per partition: the offset to commit and how many records it covers. */
    private final Map<TopicPartition, Pending> pending = new HashMap<>();

    private record Pending(OffsetAndMetadata offset, int records) {
    }

    OffsetCommitter(Consumer<byte[], byte[]> consumer, PollerObserver observer) {
        this.consumer = consumer;
        this.observer = observer;
    }

    /** Commits past every given record (and anything still pending); returns false (and reports it) when it failed. */
    boolean commitPast(List<ConsumerRecord<byte[], byte[]>> delivered) {
        Map<TopicPartition, OffsetAndMetadata> offsets = nextOffsets(delivered);
        Map<TopicPartition, Integer> counts = new HashMap<>();
        delivered.forEach(r -> counts.merge(new TopicPartition(r.topic(), r.partition()), 1, Integer::sum));
        offsets.forEach((tp, offset) -> pending.merge(tp, new Pending(offset, counts.get(tp)),
                (old, now) -> new Pending(now.offset(), old.records() + now.records())));
        return commitPending(pending.keySet());
    }

    /** Retries what an earlier commit could not do; call after a poll. */
    void retryPending() {
        if (!pending.isEmpty()) {
            commitPending(pending.keySet());
        }
    }

    /** Partitions leave this consumer: commit what is pending for them now, then forget them either way. */
    void revoked(Collection<TopicPartition> partitions) {
        if (partitions.stream().anyMatch(pending::containsKey)) {
            commitPending(partitions);
        }
        pending.keySet().removeAll(partitions);
    }

    /** Partitions were lost (or rewound): their pending offsets must not be committed any more. */
    void forget(Collection<TopicPartition> partitions) {
        pending.keySet().removeAll(partitions);
    }

    private boolean commitPending(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        int records = 0;
        for (TopicPartition tp : partitions) {
            Pending p = pending.get(tp);
            if (p != null) {
                offsets.put(tp, p.offset());
                records += p.records();
            }
        }
        if (offsets.isEmpty()) {
            return true;
        }
        try {
            consumer.commitSync(offsets, COMMIT_TIMEOUT);
            pending.keySet().removeAll(offsets.keySet());
            observer.committed(offsets, records);
            return true;
        } catch (KafkaException e) {
            // A rebalance or a broker problem: kept pending and retried; if the partition moves first, redelivered.
            log.warn("Commit of {} failed; retrying after the next poll: {}", offsets, e.toString());
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
            log.warn("Commit of {} failed; retried after the next poll (redelivered if the partition moves first): {}",
                    offsets, e.toString());
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

    /** As {@link #commitDone(PartitionProgress)}, for some partitions only (those being revoked). */
    void commitDone(PartitionProgress progress, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(progress.uncommitted());
        offsets.keySet().retainAll(partitions);
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
