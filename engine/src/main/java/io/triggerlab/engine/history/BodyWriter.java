package io.triggerlab.engine.history;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stores large invocation bodies on one background thread, in submission order, so compressing and writing a
 * multi-megabyte event never runs on a poller's thread (the benchmark found it to be most of a batch's cost).
 *
 * <p>Bounded, never lossy: {@link #submit} blocks while more than {@code maxPendingBytes} of bodies wait, so a history
 * that cannot keep up slows the pollers down instead of filling the heap. The thread ends when idle and starts again on
 * the next body, so a history nobody closes leaks no thread.
 */
final class BodyWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BodyWriter.class);

    private final long maxPendingBytes;
    private final ThreadPoolExecutor thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progressed = lock.newCondition();
    private long pendingBytes; // guarded by lock
    private long submitted;    // guarded by lock
    private long completed;    // guarded by lock

    BodyWriter(long maxPendingBytes) {
        this.maxPendingBytes = maxPendingBytes;
        this.thread = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread t = new Thread(task, "history-writer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Queues {@code write}, waiting first while the bodies already queued exceed the bound (one body always fits).
     * A failing write is logged by {@code write} itself; it never stops later ones.
     */
    void submit(long bytes, Runnable write) {
        lock.lock();
        try {
            while (pendingBytes > 0 && pendingBytes + bytes > maxPendingBytes) {
                if (!awaitProgress()) {
                    break; // interrupted: queue it anyway, a stopping poller must not lose its history entry
                }
            }
            pendingBytes += bytes;
            submitted++;
        } finally {
            lock.unlock();
        }
        thread.execute(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                log.error("Storing an invocation body failed", e);
            } finally {
                done(bytes);
            }
        });
    }

    /** Returns once every body submitted before this call is stored (or has failed and been logged). */
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

    private void done(long bytes) {
        lock.lock();
        try {
            pendingBytes -= bytes;
            completed++;
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
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
