package io.triggerlab.engine.runtime.poll;

import org.slf4j.MDC;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where a poller builds and sends its batch's pieces: on a thread of its own, so the poll thread keeps polling (and
 * assembling the next batch) while the event is built and the function runs (docs/adr/0012). One attempt at a time —
 * the poller submits the next only after it settled the previous one.
 *
 * <p>{@link #onCallerThread()} runs each attempt at once on the submitting thread: the old strictly sequential loop,
 * for tests that step the poller with a {@code MockConsumer}.
 */
abstract class AttemptWorker implements AutoCloseable {

    /** A worker thread named after the poller's thread ({@code <poller thread>-send}), started on the first attempt. */
    static AttemptWorker onOwnThread() {
        return new OwnThread();
    }

    /** Every attempt runs inside {@link #submit}, on the caller's thread. */
    static AttemptWorker onCallerThread() {
        return new CallerThread();
    }

    abstract <T> Future<T> submit(Callable<T> attempt);

    /** Stops the thread; an attempt still running finishes first (the poller settles it before closing). */
    @Override
    public abstract void close();

    /**
     * The attempt's outcome, waiting for it: a failure inside the attempt (building the event, an invoker bug) is
     * rethrown as it was, so the poll loop handles it as if it had happened on its own thread.
     */
    static <T> T outcome(Future<T> attempt) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return attempt.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the attempt must settle: its records are either delivered or not
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Attempt failed: " + cause, cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits up to {@code nanos} for the attempt to finish; returns whether it did. */
    static boolean awaitDone(Future<?> attempt, long nanos) {
        try {
            attempt.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            return true; // reported when the poller takes its outcome
        }
        return attempt.isDone();
    }

    private static final class OwnThread extends AttemptWorker {
        private ExecutorService executor;

        @Override
        <T> Future<T> submit(Callable<T> attempt) {
            if (executor == null) {
                String name = Thread.currentThread().getName() + "-send";
                executor = Executors.newSingleThreadExecutor(r -> {
                    Thread thread = new Thread(r, name);
                    thread.setDaemon(true);
                    return thread;
                });
            }
            Map<String, String> context = MDC.getCopyOfContextMap(); // the log context of the poller ("esm")
            return executor.submit(() -> {
                if (context != null) {
                    MDC.setContextMap(context);
                }
                try {
                    return attempt.call();
                } finally {
                    MDC.clear();
                }
            });
        }

        @Override
        public void close() {
            if (executor != null) {
                executor.shutdown();
            }
        }
    }

    private static final class CallerThread extends AttemptWorker {
        @Override
        <T> Future<T> submit(Callable<T> attempt) {
            FutureTask<T> task = new FutureTask<>(attempt);
            task.run();
            return task;
        }

        @Override
        public void close() {
        }
    }
}
