package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.infra.auth.ConnectionProblem;
import io.triggerlab.engine.infra.auth.ConnectionProblems;
import io.triggerlab.engine.runtime.batch.Batch;
import io.triggerlab.engine.runtime.batch.BatchAssembler;
import io.triggerlab.engine.runtime.destination.FailureCondition;
import io.triggerlab.engine.runtime.step.StepGate;
import io.triggerlab.engine.runtime.payload.EventBuffer;
import io.triggerlab.engine.runtime.payload.KafkaEventWriter;
import io.triggerlab.engine.observe.history.InvocationHistory;
import io.triggerlab.engine.invoke.EventPayload;
import io.triggerlab.engine.invoke.FunctionInvoker;
import io.triggerlab.engine.invoke.InvocationRequest;
import io.triggerlab.engine.invoke.InvocationResult;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One Kafka consumer of one mapping, on one thread: poll, assemble a batch, invoke, then commit — or pause and retry
 * the same batch while polling on, so the consumer keeps its group membership (Kafka Connect's WorkerSinkTask
 * contract, which is Lambda's). At most one batch is in flight, so each partition has at most one.
 */
public final class MappingPoller implements Runnable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MappingPoller.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(200);
    /** How often a batch held in step mode looks for "Deliver next batch" (polling the group in between). */
    private static final Duration STEP_POLL = Duration.ofMillis(100);
    private static final Duration POLLING_ERROR_BACKOFF = Duration.ofSeconds(2);

    /** Where the poller is in its life. */
    public enum RunState { NEW, POLLING, INVOKING, RETRYING, STOPPING, STOPPED }

    private final PollerConfig config;
    private final Consumer<byte[], byte[]> consumer;
    private final FunctionInvoker invoker;
    private final BatchAssembler assembler;
    private final KafkaEventWriter writer;
    /** Every event is built here, one at a time (one batch in flight), and only read while its invocation runs. */
    private final EventBuffer eventBuffer = new EventBuffer();
    private final FailurePolicy policy;
    private final AttemptRecorder recorder;
    private final PartitionProgress progress = new PartitionProgress();
    private final GivenUpRecords givenUp;
    private final RecordIntake intake;
    private final PollerObserver observer;
    private final OffsetCommitter committer;
    private final StartingOffsets startingOffsets;
    private final ConnectionWatch connection;
    private final Clock clock;
    private final Set<TopicPartition> revokedSinceBatchStart = new HashSet<>();
    private final Set<TopicPartition> inFlightPartitions = new HashSet<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final int bufferLimit;

    private volatile boolean running = true;
    private volatile RunState state = RunState.NEW;
    private boolean flowPaused;
    /** The last probe of the cluster while partitions were assigned failed: only records or a probe mean it is back. */

    public MappingPoller(PollerConfig config, Consumer<byte[], byte[]> consumer, FunctionInvoker invoker,
                         InvocationHistory history, PollerObserver observer, Clock clock) {
        this.config = config;
        this.consumer = consumer;
        this.invoker = invoker;
        this.observer = observer;
        this.clock = clock;
        this.writer = new KafkaEventWriter(config.eventSource());
        this.assembler = new BatchAssembler(config.batchPolicy(), writer);
        this.policy = new FailurePolicy(config.backoff(), config.delivery());
        this.recorder = new AttemptRecorder(config.mappingUuid(), history, observer);
        this.givenUp = new GivenUpRecords(config, recorder, observer);
        this.intake = new RecordIntake(config.delivery().filter(), assembler, progress, observer);
        this.committer = new OffsetCommitter(consumer, observer);
        this.startingOffsets = new StartingOffsets(consumer, config.initialPosition());
        this.connection = new ConnectionWatch(consumer, config.topic(), observer);
        // Keep at most two batches' worth of records in memory; beyond that the consumer pauses fetching.
        this.bufferLimit = Math.max(2 * config.batchPolicy().batchSize(), 1000);
    }

    public RunState state() {
        return state;
    }

    @Override
    public void run() {
        MDC.put("esm", config.mappingUuid());
        try {
            consumer.subscribe(List.of(config.topic()), new Rebalances());
            state = RunState.POLLING;
            while (running) {
                try {
                    step();
                } catch (InterruptException e) {
                    running = false;
                } catch (RuntimeException e) {
                    // A bug or an unexpected client failure must not end the mapping, nor skip what was in flight.
                    log.error("Poller of mapping {} hit an unexpected error; resuming from the committed offsets",
                            config.mappingUuid(), e);
                    observer.pollingError(e);
                    observer.processingResult(ProcessingResults.INTERNAL_ERROR);
                    rewindToCommitted();
                    awaitStop(POLLING_ERROR_BACKOFF);
                }
            }
        } finally {
            state = RunState.STOPPING;
            closeConsumer();
            state = RunState.STOPPED;
            MDC.remove("esm");
            finished.countDown();
        }
    }

    /** One turn of the loop: poll, and deliver a batch if one is ready. */
    private void step() {
        if (!pollOnce()) {
            return;
        }
        // A commit that failed during a rebalance is retried once poll() has completed it.
        committer.commitDone(progress);
        if (assembler.isReady(clock.instant())) {
            deliver(assembler.drain());
        }
        applyFlowControl();
    }

    /** Forgets everything buffered or in flight and goes back to the last committed offsets (at-least-once). */
    private void rewindToCommitted() {
        try {
            Set<TopicPartition> owned = consumer.assignment();
            assembler.removePartitions(owned);
            progress.forget(owned);
            var committed = consumer.committed(owned);
            Set<TopicPartition> uncommitted = new HashSet<>();
            for (TopicPartition tp : owned) {
                var offset = committed.get(tp);
                if (offset == null) {
                    uncommitted.add(tp);
                } else {
                    consumer.seek(tp, offset.offset());
                }
            }
            startingOffsets.apply(uncommitted);
        } catch (RuntimeException e) {
            log.warn("Could not rewind to the committed offsets: {}", e.toString());
        }
    }

    /** Polls once; returns false after a polling error (already reported and waited out). */
    private boolean pollOnce() {
        Duration timeout = IDLE_POLL;
        var deadline = assembler.deadline();
        if (deadline.isPresent()) {
            Duration untilDeadline = Duration.between(clock.instant(), deadline.get());
            timeout = untilDeadline.isNegative() ? Duration.ZERO
                    : (untilDeadline.compareTo(IDLE_POLL) < 0 ? untilDeadline : IDLE_POLL);
        }
        try {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(timeout);
            observer.polled(records.count());
            Instant now = clock.instant();
            intake.accept(records, now);
            connection.afterPoll(now, records.count());
            return true;
        } catch (InterruptException e) {
            running = false;
            return false;
        } catch (KafkaException e) {
            // AWS's wording for the cause (SASL, ACLs, TLS either way, certificate/key, else connection error).
            ConnectionProblem problem = ConnectionProblems.classify(e);
            log.warn("Polling topic {} failed ({}): {}", config.topic(), problem.lastProcessingResult(), e.toString());
            observer.pollingError(e);
            observer.processingResult(problem.lastProcessingResult());
            connection.problemReported();
            awaitStop(POLLING_ERROR_BACKOFF);
            return false;
        }
    }

    /**
     * Sends one batch until every record is settled — delivered, or given up under the mapping's error controls —
     * or its partitions move to another consumer, or we stop. Bisected halves and partial-failure remainders are
     * attempted in order, so each partition's records still reach the function in offset order.
     */
    private void deliver(Batch batch) {
        if (batch.oversized()) {
            skipOversized(batch);
            return;
        }
        String batchId = UUID.randomUUID().toString();
        revokedSinceBatchStart.clear();
        inFlightPartitions.clear();
        inFlightPartitions.addAll(batch.offsets().keySet());
        if (!awaitStep()) {
            if (batchLost()) {
                abandon(batch.records());
            }
            return;
        }
        Deque<BatchPiece> pieces = new ArrayDeque<>();
        pieces.add(BatchPiece.of(batch.records()));
        int invocation = 0;
        while (running && !pieces.isEmpty()) {
            BatchPiece piece = withoutTooOld(pieces.pollFirst(), batchId, invocation);
            if (piece.records().isEmpty()) {
                continue;
            }
            invocation++;
            state = invocation == 1 ? RunState.INVOKING : RunState.RETRYING;
            Instant started = clock.instant();
            String requestId = UUID.randomUUID().toString();
            // The whole batch was sized as it was assembled; a narrowed piece is sized afresh.
            int length = writer.write(piece.records(),
                    piece.records().size() == batch.size() ? batch.payloadBytes() : -1, eventBuffer);
            EventPayload payload = EventPayload.view(eventBuffer.array(), length); // the array the write may have grown
            InvocationResult result = invoker.invoke(new InvocationRequest(payload, requestId, config.functionTimeout()));
            if (!functionReturned(result)) {
                eventBuffer.disown(); // a timed-out or abandoned handler may still be reading it
            }
            FailurePolicy.Decision decision = policy.decide(piece.records(), result, piece.attempt());
            recorder.attempt(batchId, invocation, requestId, started, piece.records(), payload, result, decision);
            Duration wait = settle(decision, piece.invoked(result, requestId), pieces, batchId, invocation);
            if (wait == null) {
                continue;
            }
            pollWhileBlocked(wait);
            if (batchLost()) {
                List<ConsumerRecord<byte[], byte[]>> unsettled = new ArrayList<>();
                pieces.forEach(p -> unsettled.addAll(p.records()));
                abandon(unsettled);
                return;
            }
            BatchPiece next = pieces.pollFirst();
            pieces.addFirst(next.without(expired(next.records(), batchId, invocation)));
        }
        state = RunState.POLLING;
    }

    /** The function is done with its event only when it returned, with a result or an error of its own. */
    private static boolean functionReturned(InvocationResult result) {
        return result instanceof InvocationResult.Success || result instanceof InvocationResult.FunctionError;
    }

    /**
     * Applies a decision: commits what is done, gives up what must be, and queues what is attempted next.
     *
     * @return how long to wait before the next attempt, or {@code null} to go on at once
     */
    private Duration settle(FailurePolicy.Decision decision, BatchPiece piece, Deque<BatchPiece> pieces,
                            String batchId, int invocation) {
        if (decision instanceof FailurePolicy.Decision.Commit) {
            finish(piece.records());
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
            finish(giveUp.failed());
            return null;
        }
        if (decision instanceof FailurePolicy.Decision.RetryPart part) {
            finish(part.done());
            pieces.addFirst(piece.narrowed(part.retry(), piece.attempt() + 1));
            return part.after();
        }
        pieces.addFirst(piece.narrowed(piece.records(), piece.attempt() + 1));
        return ((FailurePolicy.Decision.Retry) decision).after();
    }

    /** The records need nothing more: commit as far as every partition's done run now reaches. */
    private void finish(List<ConsumerRecord<byte[], byte[]>> records) {
        progress.done(records);
        committer.commitDone(progress);
    }

    /** Gives up the piece's records older than MaximumRecordAgeInSeconds; returns the rest. */
    private BatchPiece withoutTooOld(BatchPiece piece, String batchId, int invocation) {
        List<ConsumerRecord<byte[], byte[]>> old = policy.tooOld(piece.records(), clock.instant());
        if (old.isEmpty()) {
            return piece;
        }
        givenUp.giveUp(batchId, Math.max(invocation, 1), old, FailureCondition.RECORD_AGE_EXCEEDED,
                piece.invokeCount(), piece.last(), piece.lastRequest(), clock.instant());
        finish(old);
        return piece.without(old);
    }

    /** AWS cannot send a record larger than the payload limit; we record it, say so, and move past it. */
    private void skipOversized(Batch batch) {
        ConsumerRecord<byte[], byte[]> record = batch.records().get(0);
        String tp = record.topic() + "-" + record.partition();
        String message = ProcessingResults.payloadSizeExceeded(tp, record.offset());
        log.warn("{}", message);
        String batchId = UUID.randomUUID().toString();
        recorder.oversized(batchId, clock.instant(), batch.records(), batch.payloadBytes(), message);
        observer.processingResult(message);
        if (config.delivery().onFailureDestination() != null) {
            givenUp.giveUp(batchId, 1, batch.records(), FailureCondition.MAXIMUM_PAYLOAD_SIZE_EXCEEDED, 0, null, null,
                    clock.instant());
        } else {
            observer.dropped(batch.records().size());
        }
        finish(batch.records());
    }

    /**
     * Keeps the consumer in its group while a failing batch waits for its next attempt: every partition is paused,
     * so these polls return nothing but still run the group protocol (and any rebalance).
     */
    /**
     * Step mode (a TriggerLab extra): holds the batch until "Deliver next batch", polling meanwhile so the group keeps
     * this consumer. False when the poller stops or loses the batch's partitions first.
     */
    private boolean awaitStep() {
        StepGate gate = observer.stepGate();
        if (gate.tryPass()) {
            return true;
        }
        gate.waiting(true);
        try {
            while (running) {
                pollWhileBlocked(STEP_POLL);
                if (batchLost()) {
                    return false;
                }
                if (gate.tryPass()) {
                    return true;
                }
            }
            return false;
        } finally {
            gate.waiting(false);
        }
    }

    private void pollWhileBlocked(Duration wait) {
        consumer.pause(consumer.assignment());
        flowPaused = true;
        Instant until = clock.instant().plus(wait);
        boolean polledOnce = false;
        while (running && !batchLost()) {
            Duration left = Duration.between(clock.instant(), until);
            if (polledOnce && (left.isNegative() || left.isZero())) {
                break;
            }
            // At least one poll per attempt, even with no wait: the group protocol and rebalances run inside poll().
            polledOnce = true;
            if (left.isNegative()) {
                left = Duration.ZERO;
            }
            try {
                ConsumerRecords<byte[], byte[]> none = consumer.poll(left.compareTo(IDLE_POLL) < 0 ? left : IDLE_POLL);
                // A newly assigned partition was not paused yet; keep its records in order for later.
                intake.accept(none, clock.instant());
                consumer.pause(consumer.assignment());
            } catch (KafkaException e) {
                observer.pollingError(e);
                awaitStop(POLLING_ERROR_BACKOFF);
            }
        }
    }

    private boolean batchLost() {
        for (TopicPartition tp : revokedSinceBatchStart) {
            if (inFlightPartitions.contains(tp)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Some of the batch's partitions went to another consumer, which will start from the committed offsets. The
     * partitions we still own are rewound to the batch's first record so nothing is skipped.
     */
    private void abandon(List<ConsumerRecord<byte[], byte[]>> records) {
        Set<TopicPartition> owned = consumer.assignment();
        List<TopicPartition> rewind = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            if (owned.contains(tp) && !rewind.contains(tp)) {
                rewind.add(tp);
                consumer.seek(tp, r.offset());
            }
        }
        assembler.removePartitions(rewind);
        progress.forget(rewind);
        log.info("Batch abandoned after a rebalance; partitions {} rewound to the batch start", rewind);
        state = RunState.POLLING;
    }

    /**
     * Records that fell out of the log (retention) while their batch was failing: recorded and done, as on AWS, so the
     * partition can move on. Returns them.
     */
    private List<ConsumerRecord<byte[], byte[]>> expired(List<ConsumerRecord<byte[], byte[]>> records,
                                                         String batchId, int attempt) {
        Set<TopicPartition> partitions = new HashSet<>();
        records.forEach(r -> partitions.add(new TopicPartition(r.topic(), r.partition())));
        var logStart = consumer.beginningOffsets(partitions);
        List<ConsumerRecord<byte[], byte[]>> expired = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            Long start = logStart.get(new TopicPartition(r.topic(), r.partition()));
            if (start != null && r.offset() < start) {
                expired.add(r);
            }
        }
        if (!expired.isEmpty()) {
            recorder.expired(batchId, attempt, clock.instant(), expired);
            finish(expired);
        }
        return expired;
    }

    private void applyFlowControl() {
        boolean shouldPause = assembler.bufferedCount() >= bufferLimit;
        if (shouldPause && !flowPaused) {
            consumer.pause(consumer.assignment());
            flowPaused = true;
        } else if (!shouldPause && flowPaused) {
            consumer.resume(consumer.paused());
            flowPaused = false;
        }
    }

    private void awaitStop(Duration wait) {
        try {
            finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void closeConsumer() {
        givenUp.close();
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            log.warn("Closing the consumer failed: {}", e.toString());
        }
    }

    /** Asks the poller to stop after the current step; the batch in flight is not committed unless it succeeded. */
    public void requestStop() {
        running = false;
    }

    /** Waits for the poll loop to end. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        requestStop();
    }

    /** Runs inside {@code poll()}, on this poller's thread. */
    private final class Rebalances implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Delivered batches are committed — one whose commit failed during this rebalance is committed now, before
            // the next owner starts from it; what is buffered for these partitions is someone else's now.
            committer.commitDone(progress, partitions);
            assembler.removePartitions(partitions);
            progress.forget(partitions);
            revokedSinceBatchStart.addAll(partitions);
            observer.assignmentChanged(consumer.assignment());
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Already someone else's: committing now could move their offsets backwards.
            progress.forget(partitions);
            onPartitionsRevoked(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            startingOffsets.apply(partitions);
            if (flowPaused) {
                consumer.pause(partitions);
            }
            observer.assignmentChanged(consumer.assignment());
        }
    }
}
