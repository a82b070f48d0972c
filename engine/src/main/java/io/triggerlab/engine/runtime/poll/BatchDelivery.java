package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.invoke.EventPayload;
import io.triggerlab.engine.invoke.FunctionInvoker;
import io.triggerlab.engine.invoke.InvocationRequest;
import io.triggerlab.engine.invoke.InvocationResult;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.runtime.batch.Batch;
import io.triggerlab.engine.runtime.destination.FailureCondition;
import io.triggerlab.engine.runtime.failure.BatchItemFailures;
import io.triggerlab.engine.runtime.failure.BatchPiece;
import io.triggerlab.engine.runtime.failure.FailurePolicy;
import io.triggerlab.engine.runtime.failure.GivenUpRecords;
import io.triggerlab.engine.runtime.payload.EventBuffer;
import io.triggerlab.engine.runtime.payload.KafkaEventWriter;
import io.triggerlab.engine.runtime.report.AttemptRecorder;
import io.triggerlab.engine.runtime.report.PollerObserver;
import io.triggerlab.engine.runtime.report.ProcessingResults;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one batch a poller has in flight, attempted piece by piece until every record is settled — delivered, or given
 * up under the mapping's error controls. Bisected halves and partial-failure remainders are attempted in order, so each
 * partition's records still reach the function in offset order. Settled records are marked done in the
 * {@link PartitionProgress}; the poller commits them. Owned by the poller's thread, except {@link #send}, which runs on
 * its {@link AttemptWorker} while the poll thread polls on.
 */
final class BatchDelivery {

    private static final Logger log = LoggerFactory.getLogger(BatchDelivery.class);

    private final PollerConfig config;
    private final FunctionInvoker invoker;
    private final KafkaEventWriter writer;
    /**
     * Every event is built here, one at a time (one attempt in flight), on the attempt worker; it is read while its
     * invocation runs and by the history as the attempt settles, before the next attempt is sent.
     */
    private final EventBuffer eventBuffer = new EventBuffer();
    private final FailurePolicy policy;
    private final AttemptRecorder recorder;
    private final GivenUpRecords givenUp;
    private final PartitionProgress progress;
    private final PollerObserver observer;
    private final Clock clock;

    private final Deque<BatchPiece> pieces = new ArrayDeque<>();
    private final Set<TopicPartition> partitions = new HashSet<>();
    private boolean partitionRevoked;
    private Batch batch;
    private String batchId;
    private int invocation;

    BatchDelivery(PollerConfig config, FunctionInvoker invoker, KafkaEventWriter writer, AttemptRecorder recorder,
                  GivenUpRecords givenUp, PartitionProgress progress, PollerObserver observer, Clock clock) {
        this.config = config;
        this.invoker = invoker;
        this.writer = writer;
        this.policy = new FailurePolicy(config.backoff(), config.delivery());
        this.recorder = recorder;
        this.givenUp = givenUp;
        this.progress = progress;
        this.observer = observer;
        this.clock = clock;
    }

    /**
     * Takes a new batch. A record larger than the payload limit is skipped at once, as on AWS.
     *
     * @return whether there is something to invoke
     */
    boolean start(Batch next) {
        clear();
        batchId = UUID.randomUUID().toString();
        if (next.oversized()) {
            skipOversized(next);
            return false;
        }
        batch = next;
        partitions.addAll(next.offsets().keySet());
        pieces.add(BatchPiece.of(next.records()));
        return true;
    }

    /** The batch was taken but nothing of it was sent yet (step mode holds a batch here). */
    boolean notYetAttempted() {
        return invocation == 0 && !pieces.isEmpty();
    }

    /** Nothing of the batch is left to attempt. */
    boolean isDone() {
        return pieces.isEmpty();
    }

    /** One piece on its way to the function: taken on the poll thread, sent by {@link #send}. */
    record Attempt(BatchPiece piece, int invocation, String requestId, Instant started, long knownPayloadBytes) {
    }

    /** What came back from the function for an {@link Attempt}. */
    record Sent(Attempt attempt, EventPayload payload, InvocationResult result) {
    }

    /**
     * Takes the next piece to send, giving up its records older than MaximumRecordAgeInSeconds first. On the poll
     * thread.
     *
     * @return the attempt, or {@code null} when nothing of the batch is left to send
     */
    Attempt nextAttempt() {
        BatchPiece piece = null;
        while (!pieces.isEmpty() && (piece == null || piece.records().isEmpty())) {
            piece = withoutTooOld(pieces.pollFirst());
        }
        if (piece == null || piece.records().isEmpty()) {
            return null;
        }
        invocation++;
        // The whole batch was sized as it was assembled; a narrowed piece is sized afresh.
        long known = piece.records().size() == batch.size() ? batch.payloadBytes() : -1;
        return new Attempt(piece, invocation, UUID.randomUUID().toString(), clock.instant(), known);
    }

    /**
     * Builds the piece's event and invokes the function. Runs on the poller's {@link AttemptWorker}, touching only the
     * event buffer, the writer and the invoker, so the poll thread polls on meanwhile; one attempt at a time.
     */
    Sent send(Attempt attempt) {
        List<ConsumerRecord<byte[], byte[]>> records = attempt.piece().records();
        int length = writer.write(records, attempt.knownPayloadBytes(), eventBuffer);
        EventPayload payload = EventPayload.view(eventBuffer.array(), length); // the array the write may have grown
        InvocationResult result = invoker.invoke(
                new InvocationRequest(payload, attempt.requestId(), config.functionTimeout()));
        if (!functionReturned(result)) {
            eventBuffer.disown(); // a timed-out or abandoned handler may still be reading it
        }
        return new Sent(attempt, payload, result);
    }

    /**
     * Applies the failure policy's decision on what was sent, back on the poll thread: records the attempt, marks what
     * is done, gives up what must be, queues what is attempted next.
     *
     * @return how long to wait before the next attempt, or {@code null} to go on at once (or when done)
     */
    Duration settle(Sent sent) {
        Attempt attempt = sent.attempt();
        BatchPiece piece = attempt.piece();
        InvocationResult result = sent.result();
        FailurePolicy.Decision decision = policy.decide(piece.records(), result, piece.attempt());
        Optional<String> itemFailures = BatchItemFailures.historyNote(result, decision, piece.records());
        if (itemFailures.isPresent()) {
            recorder.attempt(batchId, attempt.invocation(), attempt.requestId(), attempt.started(), piece.records(),
                    sent.payload(), result, InvocationOutcome.BATCH_ITEM_FAILURES, itemFailures.get());
        } else {
            recorder.attempt(batchId, attempt.invocation(), attempt.requestId(), attempt.started(), piece.records(),
                    sent.payload(), result);
        }
        return settle(decision, piece.invoked(result, attempt.requestId()));
    }

    /** The function is done with its event only when it returned, with a result or an error of its own. */
    private static boolean functionReturned(InvocationResult result) {
        return result instanceof InvocationResult.Success || result instanceof InvocationResult.FunctionError;
    }

    private Duration settle(FailurePolicy.Decision decision, BatchPiece piece) {
        if (decision instanceof FailurePolicy.Decision.Commit) {
            progress.done(piece.records());
            observer.processingResult(ProcessingResults.OK);
            return null;
        }
        observer.processingResult(ProcessingResults.functionCallFailed(piece.last()));
        if (decision instanceof FailurePolicy.Decision.Bisect bisect) {
            pieces.addFirst(piece.narrowed(bisect.second(), piece.attempt()));
            pieces.addFirst(piece.narrowed(bisect.first(), piece.attempt()));
            return null;
        }
        if (decision instanceof FailurePolicy.Decision.GiveUp giveUp) {
            givenUp.giveUp(batchId, invocation, giveUp.failed(), giveUp.condition(), piece.invokeCount(), piece.last(),
                    piece.lastRequest(), clock.instant());
            progress.done(giveUp.done());
            progress.done(giveUp.failed());
            return null;
        }
        if (decision instanceof FailurePolicy.Decision.RetryPart part) {
            progress.done(part.done());
            pieces.addFirst(piece.narrowed(part.retry(), piece.attempt() + 1));
            return part.after();
        }
        pieces.addFirst(piece.narrowed(piece.records(), piece.attempt() + 1));
        return ((FailurePolicy.Decision.Retry) decision).after();
    }

    /** Gives up the piece's records older than MaximumRecordAgeInSeconds; returns the rest. */
    private BatchPiece withoutTooOld(BatchPiece piece) {
        List<ConsumerRecord<byte[], byte[]>> old = policy.tooOld(piece.records(), clock.instant());
        if (old.isEmpty()) {
            return piece;
        }
        givenUp.giveUp(batchId, Math.max(invocation, 1), old, FailureCondition.RECORD_AGE_EXCEEDED,
                piece.invokeCount(), piece.last(), piece.lastRequest(), clock.instant());
        progress.done(old);
        return piece.without(old);
    }

    /** AWS cannot send a record larger than the payload limit; we record it, say so, and move past it. */
    private void skipOversized(Batch oversized) {
        ConsumerRecord<byte[], byte[]> record = oversized.records().get(0);
        String message = ProcessingResults.payloadSizeExceeded(record.topic() + "-" + record.partition(), record.offset());
        log.warn("{}", message);
        recorder.oversized(batchId, clock.instant(), oversized.records(), oversized.payloadBytes(), message);
        observer.processingResult(message);
        if (config.delivery().onFailureDestination() != null) {
            givenUp.giveUp(batchId, 1, oversized.records(), FailureCondition.MAXIMUM_PAYLOAD_SIZE_EXCEEDED, 0, null,
                    null, clock.instant());
        } else {
            observer.dropped(oversized.records().size());
        }
        progress.done(oversized.records());
    }

    /**
     * Before the attempt after a wait: records that fell out of the log (retention) while their batch was failing are
     * recorded and done, as on AWS, so the partition can move on.
     */
    void dropExpired(Consumer<byte[], byte[]> consumer) {
        BatchPiece next = pieces.pollFirst();
        if (next == null) {
            return;
        }
        Set<TopicPartition> pieceParts = new HashSet<>();
        next.records().forEach(r -> pieceParts.add(new TopicPartition(r.topic(), r.partition())));
        var logStart = consumer.beginningOffsets(pieceParts);
        List<ConsumerRecord<byte[], byte[]>> expired = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : next.records()) {
            Long start = logStart.get(new TopicPartition(r.topic(), r.partition()));
            if (start != null && r.offset() < start) {
                expired.add(r);
            }
        }
        if (!expired.isEmpty()) {
            recorder.expired(batchId, invocation, clock.instant(), expired);
            progress.done(expired);
        }
        pieces.addFirst(next.without(expired));
    }

    /** Some partitions went to another consumer; the batch is lost if it had records of one of them. */
    void revoked(Collection<TopicPartition> revoked) {
        for (TopicPartition tp : revoked) {
            if (partitions.contains(tp)) {
                partitionRevoked = true;
                return;
            }
        }
    }

    /** A partition of the batch moved to another consumer while the batch was still unsettled. */
    boolean lost() {
        return partitionRevoked && !pieces.isEmpty();
    }

    /** The records not settled yet, in batch order. */
    List<ConsumerRecord<byte[], byte[]>> unsettled() {
        List<ConsumerRecord<byte[], byte[]>> unsettled = new ArrayList<>();
        pieces.forEach(p -> unsettled.addAll(p.records()));
        return unsettled;
    }

    /** Forgets the batch (it was abandoned, or is done). */
    void clear() {
        pieces.clear();
        partitions.clear();
        partitionRevoked = false;
        batch = null;
        invocation = 0;
    }
}
