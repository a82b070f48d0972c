package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.infra.auth.ConnectionProblem;
import io.triggerlab.engine.infra.auth.ConnectionProblems;
import io.triggerlab.engine.infra.schema.SchemaRegistryUnavailableException;
import io.triggerlab.engine.invoke.FunctionInvoker;
import io.triggerlab.engine.observe.history.InvocationHistory;
import io.triggerlab.engine.runtime.batch.BatchAssembler;
import io.triggerlab.engine.runtime.failure.GivenUpRecords;
import io.triggerlab.engine.runtime.payload.KafkaEventWriter;
import io.triggerlab.engine.runtime.report.AttemptRecorder;
import io.triggerlab.engine.runtime.report.PollerObserver;
import io.triggerlab.engine.runtime.report.ProcessingResults;
import io.triggerlab.engine.runtime.step.StepGate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One Kafka consumer of one mapping, on one thread: poll, assemble a batch, invoke, then commit — or pause and retry
 * the same batch while polling on, so the consumer keeps its group membership (Kafka Connect's WorkerSinkTask
 * contract, which is Lambda's). At most one batch is in flight, so each partition has at most one. Its event is built
 * and sent on the poller's {@link AttemptWorker} while this thread polls on and assembles the next batch
 * (docs/adr/0012); the attempt is settled, and committed, back on this thread.
 *
 * <p>The loop is {@link #runOnce()} repeated; its {@link RunState} says what the next iteration does. Tests drive it
 * directly, with a {@code MockConsumer} and a fixed clock. {@link #requestStop()} is the only call from another thread:
 * it wakes the consumer ({@link Consumer#wakeup()}), so a poll in progress ends at once.
 */
public final class MappingPoller implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(MappingPoller.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(200);
    private static final Duration POLLING_ERROR_BACKOFF = Duration.ofSeconds(2);
    /** How often a batch held in step mode looks for "Deliver next batch". */
    private static final Duration STEP_POLL = Duration.ofMillis(100);
    /** How long the poll thread waits for an attempt before it polls meanwhile. */
    private static final Duration QUICK_ATTEMPT = Duration.ofNanos(300_000);

    /** Where the poller is in its life; each state is one kind of loop iteration. */
    public enum RunState {
        /** Not subscribed yet. */
        NEW,
        /** Polling, and starting a batch once one is ready. */
        POLLING,
        /** A batch is in flight: its next piece is sent. */
        INVOKING,
        /** A failed batch waits for its next attempt; every partition is paused, polls keep the group membership. */
        RETRYING,
        /** Asked to stop: what is done gets committed, then the consumer closes. */
        STOPPING,
        STOPPED
    }

    private final PollerConfig config;
    private final Consumer<byte[], byte[]> consumer;
    private final BatchAssembler assembler;
    private final PartitionProgress progress = new PartitionProgress();
    private final GivenUpRecords givenUp;
    private final RecordIntake intake;
    private final BatchDelivery delivery;
    private final PollerObserver observer;
    private final CommitPipeline committer;
    private final StartingOffsets startingOffsets;
    private final ConnectionWatch connection;
    private final Clock clock;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final int bufferLimit;
    private final AttemptInFlight inFlight;

    private volatile RunState state = RunState.NEW;
    private boolean flowPaused;
    /** A batch is held in step mode (reported once to the gate, for the console). */
    private boolean waitingForStep;
    /** While {@link RunState#RETRYING}: when the next attempt is due, and whether a poll ran since the failure. */
    private Instant retryAt;
    private boolean polledWhileWaiting;

    public MappingPoller(PollerConfig config, Consumer<byte[], byte[]> consumer, FunctionInvoker invoker,
                         InvocationHistory history, PollerObserver observer, Clock clock) {
        this(config, consumer, invoker, history, observer, clock, AttemptWorker.onOwnThread());
    }

    /** With the worker the attempts run on ({@link AttemptWorker#onCallerThread()} steps strictly in sequence). */
    MappingPoller(PollerConfig config, Consumer<byte[], byte[]> consumer, FunctionInvoker invoker,
                  InvocationHistory history, PollerObserver observer, Clock clock, AttemptWorker worker) {
        this.config = config;
        this.consumer = consumer;
        this.observer = observer;
        this.clock = clock;
        KafkaEventWriter writer = new KafkaEventWriter(config.eventSource());
        this.assembler = new BatchAssembler(config.batchPolicy(), writer);
        AttemptRecorder recorder = new AttemptRecorder(config.mappingUuid(), history, observer);
        this.givenUp = new GivenUpRecords(config.mappingUuid(), config.delivery(), config.destinationSource(), recorder,
                observer);
        this.delivery = new BatchDelivery(config, invoker, writer, recorder, givenUp, progress, observer, clock);
        this.inFlight = new AttemptInFlight(worker, delivery);
        this.intake = new RecordIntake(config.delivery().filter(), config.schema(), givenUp, assembler, progress, observer);
        this.committer = new CommitPipeline(consumer, progress, observer);
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
            start();
            while (state != RunState.STOPPING) {
                runOnce();
            }
        } finally {
            stop();
            MDC.remove("esm");
            finished.countDown();
        }
    }

    /** Subscribes to the mapping's topic; the loop starts polling. */
    public void start() {
        consumer.subscribe(List.of(config.topic()), new Rebalances());
        state = RunState.POLLING;
    }

    /**
     * One iteration of the loop, chosen by the run state: poll (and start a batch when one is ready), send the batch's
     * next piece, or wait for a retry while polling with every partition paused.
     *
     * @return the state the next iteration starts in
     */
    public RunState runOnce() {
        if (stopRequested.getCount() == 0) {
            state = RunState.STOPPING;
            return state;
        }
        try {
            switch (state) {
                case POLLING -> poll();
                case INVOKING -> invoke();
                case RETRYING -> awaitRetry();
                default -> { }
            }
        } catch (WakeupException | InterruptException e) {
            state = RunState.STOPPING; // requestStop() woke the consumer, or the thread was interrupted
        } catch (SchemaRegistryUnavailableException e) {
            // Says nothing about the records: read them again from the committed offsets once the registry answers.
            log.warn("Schema registry unavailable for mapping {}: {}", config.mappingUuid(), e.getMessage());
            observer.pollingError(e);
            observer.processingResult(ProcessingResults.schemaRegistryUnavailable(e.getMessage()));
            rewindToCommitted();
            awaitStop(POLLING_ERROR_BACKOFF);
        } catch (RuntimeException e) {
            // A bug or an unexpected client failure must not end the mapping, nor skip what was in flight.
            log.error("Poller of mapping {} hit an unexpected error; resuming from the committed offsets",
                    config.mappingUuid(), e);
            observer.pollingError(e);
            observer.processingResult(ProcessingResults.INTERNAL_ERROR);
            rewindToCommitted();
            awaitStop(POLLING_ERROR_BACKOFF);
        }
        return state;
    }

    /** Polls once; starts a batch once one is ready (count, window or payload size reached). */
    private void poll() {
        if (!pollOnce()) {
            return;
        }
        if (assembler.isReady(clock.instant()) && delivery.start(assembler.drain())) {
            state = RunState.INVOKING;
        }
        // Filtered-out or oversized records are done; a commit that failed during a rebalance is retried now.
        committer.commitDone();
        applyFlowControl();
    }

    /**
     * Hands the batch's next piece to the worker, polls while it is built and sent, then settles it, commits what is
     * done, and either goes on, waits for a retry, or polls again.
     */
    private void invoke() {
        if (!inFlight.pending()) {
            if (delivery.lost()) {
                abandon(delivery.unsettled()); // a rebalance during the last attempt took a partition of the batch
                return;
            }
            if (delivery.notYetAttempted() && heldForStep()) {
                return;
            }
            BatchDelivery.Attempt next = delivery.nextAttempt();
            if (next != null) {
                inFlight.send(next);
            }
        }
        if (inFlight.running()) {
            pollWhileInFlight();
            if (inFlight.running()) {
                return;
            }
        }
        Duration wait = inFlight.pending() ? inFlight.settle() : null;
        committer.commitDone();
        if (delivery.isDone()) {
            delivery.clear();
            state = RunState.POLLING;
            applyFlowControl();
        } else if (wait != null) {
            consumer.pause(consumer.assignment());
            flowPaused = true;
            retryAt = clock.instant().plus(wait);
            polledWhileWaiting = false;
            state = RunState.RETRYING;
        }
    }

    /**
     * Step mode (a TriggerLab extra): a new batch waits for "Deliver next batch". Meanwhile the poller waits as for a
     * retry — every partition paused, polling so the group keeps it — and asks again after {@link #STEP_POLL}.
     *
     * @return true when the batch must wait
     */
    private boolean heldForStep() {
        StepGate gate = observer.stepGate();
        if (gate.tryPass()) {
            if (waitingForStep) {
                waitingForStep = false;
                gate.waiting(false);
            }
            return false;
        }
        if (!waitingForStep) {
            waitingForStep = true;
            gate.waiting(true);
        }
        consumer.pause(consumer.assignment());
        flowPaused = true;
        retryAt = clock.instant().plus(STEP_POLL);
        polledWhileWaiting = false;
        state = RunState.RETRYING;
        return true;
    }

    /**
     * Keeps the consumer in its group while a failing batch waits for its next attempt: every partition is paused, so
     * these polls return nothing but still run the group protocol (and any rebalance). At least one poll per attempt,
     * even with no wait.
     */
    private void awaitRetry() {
        Duration left = Duration.between(clock.instant(), retryAt);
        if (polledWhileWaiting && (left.isNegative() || left.isZero())) {
            delivery.dropExpired(consumer);
            committer.commitDone();
            state = delivery.isDone() ? RunState.POLLING : RunState.INVOKING;
            return;
        }
        polledWhileWaiting = true;
        try {
            ConsumerRecords<byte[], byte[]> none = consumer.poll(left.isNegative() ? Duration.ZERO
                    : (left.compareTo(IDLE_POLL) < 0 ? left : IDLE_POLL));
            // A newly assigned partition was not paused yet; keep its records in order for later.
            intake.accept(none, clock.instant());
            consumer.pause(consumer.assignment());
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            observer.pollingError(e);
            awaitStop(POLLING_ERROR_BACKOFF);
        }
        if (delivery.lost()) {
            abandon(delivery.unsettled());
        }
    }

    /**
     * While the worker builds and sends: polls on, so the next batch is assembled meanwhile — briefly, to notice the
     * end of the attempt soon (a quarter of its time so far, 1–20 ms); with the buffer full, waits for the attempt and
     * polls only for the group's sake. A quick invocation (a fraction of a millisecond) is waited for before the first
     * poll, which could otherwise keep the next batch waiting for a millisecond. A rebalance in this poll settles the
     * attempt first ({@link Rebalances}).
     */
    private void pollWhileInFlight() {
        Duration running = inFlight.runningFor();
        boolean done = flowPaused ? inFlight.awaitDone(IDLE_POLL)
                : running.compareTo(QUICK_ATTEMPT) < 0 && inFlight.awaitDone(QUICK_ATTEMPT.minus(running));
        if (done) {
            return;
        }
        pollOnce(Duration.ofMillis(Math.max(1, Math.min(20, running.toMillis() / 4))));
        applyFlowControl();
    }

    /** Polls once; returns false after a polling error (already reported and waited out). */
    private boolean pollOnce() {
        return pollOnce(IDLE_POLL);
    }

    private boolean pollOnce(Duration maxTimeout) {
        Duration timeout = maxTimeout;
        var deadline = assembler.deadline();
        if (deadline.isPresent()) {
            Duration untilDeadline = Duration.between(clock.instant(), deadline.get());
            timeout = untilDeadline.isNegative() ? Duration.ZERO
                    : (untilDeadline.compareTo(maxTimeout) < 0 ? untilDeadline : maxTimeout);
        }
        try {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(timeout);
            observer.polled(records.count(), PolledBytes.of(records));
            Instant now = clock.instant();
            intake.accept(records, now);
            connection.afterPoll(now, records.count());
            return true;
        } catch (WakeupException | InterruptException e) {
            throw e;
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

    /** Forgets everything buffered or in flight and goes back to the last committed offsets (at-least-once). */
    private void rewindToCommitted() {
        inFlight.finish();
        inFlight.forget();
        delivery.clear();
        state = RunState.POLLING;
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

    /**
     * Some of the batch's partitions went to another consumer, which will start from the committed offsets. The
     * partitions we still own are rewound to the batch's first unsettled record so nothing is skipped.
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
        delivery.clear();
        log.info("Batch abandoned after a rebalance; partitions {} rewound to the batch start", rewind);
        state = RunState.POLLING;
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

    /** Waits, unless a stop is requested meanwhile. */
    private void awaitStop(Duration wait) {
        try {
            stopRequested.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested.countDown();
        }
    }

    /**
     * Commits what is done and waits for it (a commit still in flight, or one a wakeup interrupted), then closes the
     * consumer; the loop's last step.
     */
    void stop() {
        state = RunState.STOPPING;
        inFlight.finish(); // a successful attempt is committed below; a failed one is polled again after a restart
        inFlight.close();
        try {
            committer.commitNow(consumer.assignment());
        } catch (WakeupException e) {
            committer.commitNow(consumer.assignment()); // the wakeup is used up now
        } catch (RuntimeException e) {
            log.warn("Final commit failed; the records since the last commit are delivered again: {}", e.toString());
        }
        givenUp.close();
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            log.warn("Closing the consumer failed: {}", e.toString());
        }
        if (waitingForStep) {
            waitingForStep = false;
            observer.stepGate().waiting(false);
        }
        state = RunState.STOPPED;
    }

    /**
     * Asks the poller to stop after the current iteration; the batch in flight is not committed unless it succeeded.
     * Safe from any thread.
     */
    public void requestStop() {
        if (stopRequested.getCount() > 0) {
            stopRequested.countDown();
            consumer.wakeup(); // once: a second wakeup could interrupt the closing commit
        }
    }

    /** Waits for the poll loop to end. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs inside {@code poll()}, on this poller's thread. */
    private final class Rebalances implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            inFlight.finish(); // as when the poll thread itself invoked: a rebalance waits for the invocation
            // Delivered batches are committed — one whose commit failed during this rebalance is committed now, before
            // the next owner starts from it; what is buffered for these partitions is someone else's now.
            committer.commitNow(partitions);
            assembler.removePartitions(partitions);
            progress.forget(partitions);
            delivery.revoked(partitions);
            observer.assignmentChanged(consumer.assignment());
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Already someone else's: committing now could move their offsets backwards.
            inFlight.finish();
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
