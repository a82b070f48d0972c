package io.triggerlab.junit;

import io.triggerlab.engine.observe.events.EngineEvent;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Waits for a condition on the engine, woken by its events (an invocation finished, a mapping changed) and re-checked
 * at least every {@value #RECHECK_MILLIS} ms for conditions no event announces (committed offsets, a destination's
 * records). No fixed sleeps: a wait ends as soon as its condition holds.
 */
final class EngineSignal implements Consumer<EngineEvent> {

    static final long RECHECK_MILLIS = 100;

    private final Object lock = new Object();
    private long events;

    @Override
    public void accept(EngineEvent event) {
        synchronized (lock) {
            events++;
            lock.notifyAll();
        }
    }

    /**
     * The condition's value once it holds.
     *
     * @param whatHappened what the failure message shows when the wait times out
     * @throws AssertionError when the condition does not hold within {@code timeout}
     */
    <T> T await(String expectation, Duration timeout, Supplier<Optional<T>> condition, Supplier<String> whatHappened) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen;
            synchronized (lock) {
                seen = events;
            }
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Expected " + expectation + " within " + timeout.toMillis() + " ms, but "
                        + whatHappened.get());
            }
            synchronized (lock) {
                if (events == seen) {
                    try {
                        lock.wait(Math.max(1, Math.min(RECHECK_MILLIS, left / 1_000_000)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError("Interrupted while waiting for " + expectation, e);
                    }
                }
            }
        }
    }
}
