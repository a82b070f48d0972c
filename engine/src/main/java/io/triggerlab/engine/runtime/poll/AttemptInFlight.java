package io.triggerlab.engine.runtime.poll;

import java.time.Duration;
import java.util.concurrent.Future;

/**
 * The one attempt a poller has on its {@link AttemptWorker}: sent from the poll thread, built and invoked on the worker,
 * settled back on the poll thread — either by the loop once it is done, or earlier by a rebalance callback, a rewind or
 * the stop, which must not act on the batch's partitions while an invocation of them is still running. Owned by the
 * poller's thread.
 */
final class AttemptInFlight implements AutoCloseable {

    private final AttemptWorker worker;
    private final BatchDelivery delivery;
    private Future<BatchDelivery.Sent> running;
    private long sentAt;
    /** Set when {@link #finish()} settled the attempt: its retry wait, or what went wrong settling it. */
    private boolean settledEarly;
    private Duration settledWait;
    private RuntimeException settleFailure;

    AttemptInFlight(AttemptWorker worker, BatchDelivery delivery) {
        this.worker = worker;
        this.delivery = delivery;
    }

    /** Hands the attempt to the worker (with the synchronous worker it is done when this returns). */
    void send(BatchDelivery.Attempt attempt) {
        sentAt = System.nanoTime();
        settledEarly = false;
        running = worker.submit(() -> delivery.send(attempt));
    }

    /** An attempt was sent and not settled by the loop yet (it may have been settled early). */
    boolean pending() {
        return running != null || settledEarly;
    }

    /** The attempt is still being built or invoked. */
    boolean running() {
        return running != null && !running.isDone();
    }

    /** How long the attempt has been running. */
    Duration runningFor() {
        return Duration.ofNanos(System.nanoTime() - sentAt);
    }

    /** Waits up to {@code wait} for the attempt; returns whether it is done. */
    boolean awaitDone(Duration wait) {
        return running == null || AttemptWorker.awaitDone(running, wait.toNanos());
    }

    /**
     * The loop's step once the attempt is done: settles it (recorded, marked done, or queued again).
     *
     * @return how long to wait before the next attempt, or {@code null}
     */
    Duration settle() {
        if (running != null) {
            Future<BatchDelivery.Sent> done = running;
            running = null;
            return delivery.settle(AttemptWorker.outcome(done));
        }
        settledEarly = false;
        RuntimeException failure = settleFailure;
        settleFailure = null;
        if (failure != null) {
            throw failure; // the loop rewinds to the committed offsets, as for any attempt that failed
        }
        return settledWait;
    }

    /**
     * Before anything revokes, rewinds or commits: waits for the attempt and settles it, so its records are done or
     * still to deliver, never committed unsent. A failure is kept for the loop's {@link #settle()} (inside a rebalance
     * callback it must not escape into the consumer).
     */
    void finish() {
        if (running == null) {
            return;
        }
        Future<BatchDelivery.Sent> done = running;
        running = null;
        settledEarly = true;
        settledWait = null;
        try {
            settledWait = delivery.settle(AttemptWorker.outcome(done));
        } catch (RuntimeException e) {
            settleFailure = e;
        }
    }

    /** Forgets an early settlement (the batch is being dropped anyway). */
    void forget() {
        settledEarly = false;
        settleFailure = null;
    }

    @Override
    public void close() {
        worker.close();
    }
}
