package io.triggerlab.console.producer;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** The producer's sense of time: tests pass a fake that moves its clock instead of waiting. */
public interface Pacer {

    /** A monotonic time in nanoseconds. */
    long nanoTime();

    /** Waits until {@link #nanoTime()} reaches {@code deadline}, or returns early once {@code stopped} says so. */
    void awaitUntil(long deadline, BooleanSupplier stopped);

    /** The real clock; a Stop is noticed within 50 ms. */
    static Pacer system() {
        return new Pacer() {
            private static final long SLICE_NANOS = 50_000_000L;

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void awaitUntil(long deadline, BooleanSupplier stopped) {
                long left;
                while (!stopped.getAsBoolean() && (left = deadline - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(Math.min(left, SLICE_NANOS));
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
            }
        };
    }
}
