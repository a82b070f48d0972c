package io.triggerlab.engine.observe.history;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Compresses and stores invocation bodies on one background thread, in submission order, so that neither runs on a
 * poller's thread (the benchmark found gzip of a 6 MB event to be most of a batch's cost).
 *
 * <p>Bounded and never blocking: the payload history is a debugging aid, delivery is the job. A body is queued only
 * while the writer keeps within its {@link Budget} — at most {@code maxPendingBytes} waiting, and on average at most
 * {@code cpuShare} of one core once a burst is used up. Otherwise {@link #reserve} says why not, and the caller keeps
 * the invocation's row without its bodies, marked with that reason (docs/adr/0006-history-keeps-up-or-drops-bodies.md).
 * The thread ends when idle and starts again on the next body, so a history nobody closes leaks no thread.
 */
final class BodyWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BodyWriter.class);

    /**
     * How much the writer may take.
     *
     * @param maxPendingBytes raw body bytes that may wait for the writer (one body always fits when none waits)
     * @param cpuShare        share of one core the writer may use on average (1 = no limit)
     * @param burstNanos      work beyond the share the writer may owe before bodies are refused, so a quiet engine
     *                        keeps every body of a short burst
     */
    record Budget(long maxPendingBytes, double cpuShare, long burstNanos) {
        /**
         * About two 6 MB events; a twentieth of a core, with up to half a second of rest owed. A tenth measured as 10-20 %
         * of the default engine's throughput on two shared cores (bench/README.md); a debugging session's bodies stay
         * far below either.
         */
        static final Budget DEFAULT = new Budget(16L * 1024 * 1024, 0.05, TimeUnit.MILLISECONDS.toNanos(500));
        /** Keeps every body (tests, and callers that prefer a complete history to speed): only the byte bound holds. */
        static final Budget KEEP_ALL = new Budget(Long.MAX_VALUE, 1.0, 0);

        Budget {
            if (maxPendingBytes < 1 || !(cpuShare > 0 && cpuShare <= 1) || burstNanos < 0) {
                throw new IllegalArgumentException("History writer budget out of range: maxPendingBytes "
                        + maxPendingBytes + " must be >= 1, cpuShare " + cpuShare + " in (0, 1], burstNanos "
                        + burstNanos + " >= 0");
            }
        }
    }

    /** A first guess of the writer's cost (compress and store), before it has measured its own. */
    static final double INITIAL_NANOS_PER_BYTE = 15;

    private final Budget budget;
    private final LongSupplier nanoTime;
    private final ThreadPoolExecutor thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progressed = lock.newCondition();
    private long pendingBytes; // guarded by lock
    private long submitted;    // guarded by lock
    private long completed;    // guarded by lock
    /**
     * The end of the writer's time slots: each body queued takes its (estimated, then measured) work divided by the
     * share, so a backlog counts against the share as soon as it is queued. Guarded by lock.
     */
    private long restUntil;
    /** The writer's measured cost per raw body byte, a moving average. Guarded by lock. */
    private double nanosPerByte = INITIAL_NANOS_PER_BYTE;
    private long refusedInARow; // guarded by lock

    BodyWriter(Budget budget) {
        this(budget, System::nanoTime);
    }

    BodyWriter(Budget budget, LongSupplier nanoTime) {
        this.budget = budget;
        this.nanoTime = nanoTime;
        this.restUntil = nanoTime.getAsLong();
        this.thread = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread t = new Thread(task, "history-writer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Reserves room for a body of {@code bytes}; never waits. Empty when reserved (follow with {@link #write} or
     * {@link #release}), else the reason the body is not kept, for the user to read.
     */
    Optional<String> reserve(long bytes) {
        lock.lock();
        try {
            Optional<String> refusal = refusal(bytes);
            if (refusal.isPresent()) {
                if (refusedInARow++ == 0) {
                    log.info("History writer is behind; invocations keep their rows but not their payloads until it"
                            + " catches up ({})", refusal.get());
                }
                return refusal;
            }
            if (refusedInARow > 0) {
                log.info("History writer caught up; payloads are kept again ({} were not kept)", refusedInARow);
                refusedInARow = 0;
            }
            pendingBytes += bytes;
            submitted++;
            charge(estimate(bytes), nanoTime.getAsLong());
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** Why {@link #reserve} would refuse a body of {@code bytes} now, without reserving anything. */
    Optional<String> wouldRefuse(long bytes) {
        lock.lock();
        try {
            return refusal(bytes);
        } finally {
            lock.unlock();
        }
    }

    /** Caller holds the lock. */
    private Optional<String> refusal(long bytes) {
        if (thread.isShutdown()) {
            return Optional.of("payload not kept: the history writer was stopped (the engine was shutting down)");
        }
        if (pendingBytes > 0 && pendingBytes + bytes > budget.maxPendingBytes()) {
            return Optional.of(String.format(Locale.ROOT, "payload not kept: the history writer was %.1f MB behind",
                    pendingBytes / (1024.0 * 1024)));
        }
        long owed = restUntil - nanoTime.getAsLong();
        if (budget.cpuShare() < 1 && owed > budget.burstNanos()) {
            return Optional.of(String.format(Locale.ROOT, "payload not kept: the history writer was busy with earlier"
                    + " payloads (it may use %d %% of one core, so under load it keeps only some)",
                    Math.round(budget.cpuShare() * 100)));
        }
        return Optional.empty();
    }

    /** Queues {@code write} for a body {@link #reserve reserved} before. A failing write is logged; later ones go on. */
    void write(long bytes, Runnable write) {
        try {
            queue(bytes, write);
        } catch (RejectedExecutionException e) {
            done(bytes, 0); // closed: give the room back, or awaitWritten would wait for it forever
            throw e;
        }
    }

    private void queue(long bytes, Runnable write) {
        thread.execute(() -> {
            long start = nanoTime.getAsLong();
            try {
                write.run();
            } catch (RuntimeException e) {
                log.error("Storing an invocation body failed", e);
            } finally {
                done(bytes, nanoTime.getAsLong() - start);
            }
        });
    }

    /** Gives back a reservation that will not be written (the row it was for could not be stored). */
    void release(long bytes) {
        done(bytes, 0);
    }

    /** Returns once every body reserved before this call is stored (or has failed and been logged). */
    void awaitWritten() {
        lock.lock();
        try {
            long target = submitted;
            while (completed < target) {
                if (!awaitProgress()) {
                    return;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stores what is queued, then lets the thread go. */
    @Override
    public void close() {
        awaitWritten();
        thread.shutdown();
    }

    /** A body is written (or given back, {@code worked} 0): its slot is corrected from the estimate to what it took. */
    private void done(long bytes, long worked) {
        lock.lock();
        try {
            pendingBytes -= bytes;
            completed++;
            long estimated = estimate(bytes);
            if (worked > 0 && bytes > 0) {
                nanosPerByte = 0.7 * nanosPerByte + 0.3 * ((double) worked / bytes);
            }
            restUntil += (long) ((worked - estimated) / budget.cpuShare());
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Caller holds the lock. */
    private long estimate(long bytes) {
        return (long) (bytes * nanosPerByte);
    }

    /** Books {@code work} nanoseconds of writing from {@code now} on. Caller holds the lock. */
    private void charge(long work, long now) {
        restUntil = Math.max(restUntil, now) + (long) (work / budget.cpuShare());
    }

    /** Waits for a body to finish; false when interrupted (the flag is set again). Caller holds the lock. */
    private boolean awaitProgress() {
        try {
            progressed.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
