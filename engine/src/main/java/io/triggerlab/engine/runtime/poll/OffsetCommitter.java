package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.runtime.report.PollerObserver;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Commits, synchronously as Lambda does after each successful invocation, as far as each partition's run of done
 * records reaches ({@link PartitionProgress} decides; never past anything not delivered).
 *
 * <p>A commit that fails — typically {@code RebalanceInProgressException} while a consumer joins or leaves the group —
 * leaves the progress uncommitted, so it is retried after the next poll (which completes the rebalance) and the
 * group's committed offsets catch up even when no further record arrives on the partition. A partition being revoked
 * is committed in the revocation callback, before the next owner starts from it; a lost one is forgotten first (the
 * next owner redelivers: at-least-once).
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
        } catch (WakeupException | InterruptException e) {
            throw e; // the poller is stopping; it commits once more as it closes
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
}
