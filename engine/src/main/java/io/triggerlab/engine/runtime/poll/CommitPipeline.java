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
 * Commits each partition as far as its run of done records reaches ({@link PartitionProgress} decides; never past
 * anything not delivered), without waiting for the broker on the delivery path.
 *
 * <p>Asynchronous, ordered and coalesced: at most one commit is in flight per consumer; what is done while it flies goes
 * with the next one, which is sent once it completed, so commits reach the broker in order and a burst of small batches
 * costs one round trip per commit, not per batch. A commit that fails leaves its offsets uncommitted, so the next one
 * carries them again (retry); if the partition moves first, the next owner redelivers from the last committed offset,
 * which is Lambda's at-least-once. A partition being revoked, and every partition when the consumer closes, is committed
 * synchronously first, so the next owner starts where this one finished. A lost partition is forgotten without a commit.
 *
 * <p>Used only on its poller's thread; the callbacks run there too, inside {@code poll()} or a commit call.
 */
final class CommitPipeline {

    private static final Logger log = LoggerFactory.getLogger(CommitPipeline.class);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

    private final Consumer<byte[], byte[]> consumer;
    private final PartitionProgress progress;
    private final PollerObserver observer;
    /** The commit in flight, or {@code null}. */
    private Map<TopicPartition, OffsetAndMetadata> inFlight;

    CommitPipeline(Consumer<byte[], byte[]> consumer, PartitionProgress progress, PollerObserver observer) {
        this.consumer = consumer;
        this.progress = progress;
        this.observer = observer;
    }

    /** Sends what is done beyond the last commit, unless a commit is in flight: then it goes with the next one. */
    void commitDone() {
        if (inFlight != null) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = progress.startCommit();
        if (offsets.isEmpty()) {
            return;
        }
        int records = progress.recordsInFlight(offsets);
        inFlight = offsets;
        try {
            consumer.commitAsync(offsets, (committed, error) -> completed(offsets, records, error));
        } catch (WakeupException | InterruptException e) {
            progress.commitFailed(offsets);
            inFlight = null;
            throw e;
        } catch (KafkaException e) {
            completed(offsets, records, e);
        }
    }

    /** A commit is in flight (its callback has not run yet). */
    boolean inFlight() {
        return inFlight != null;
    }

    private void completed(Map<TopicPartition, OffsetAndMetadata> offsets, int records, Exception error) {
        if (inFlight == offsets) {
            inFlight = null;
        }
        if (error == null) {
            progress.commitSucceeded(offsets);
            observer.committed(offsets, records);
            return;
        }
        progress.commitFailed(offsets);
        log.warn("Commit of {} failed; sent again with the next commit (redelivered if the partition moves first): {}",
                offsets, error.toString());
        observer.commitError(error);
    }

    /**
     * Commits what is done now and waits for it: the consumer is closing, or these partitions are being revoked, so the
     * next owner starts right after the last delivered record. A commit in flight completes first (Kafka runs pending
     * callbacks before a synchronous commit returns).
     */
    void commitNow(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(progress.uncommitted());
        offsets.keySet().retainAll(partitions);
        if (offsets.isEmpty()) {
            return;
        }
        int records = progress.recordsIn(offsets);
        try {
            consumer.commitSync(offsets, COMMIT_TIMEOUT);
            progress.committed(offsets);
            progress.commitSucceeded(offsets);
            observer.committed(offsets, records);
        } catch (WakeupException | InterruptException e) {
            throw e; // the poller is stopping; it commits once more as it closes
        } catch (KafkaException e) {
            log.warn("Commit of {} failed; the records after the last commit are delivered again: {}", offsets,
                    e.toString());
            observer.commitError(e);
        }
    }
}
