package io.triggerlab.bench;

import java.util.concurrent.locks.LockSupport;

/** Short waits of the benchmark's sampling loops (this is a driver, not a test: no Awaitility here). */
final class Pause {

    private Pause() {
    }

    static void millis(long millis) {
        LockSupport.parkNanos(millis * 1_000_000L);
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the benchmark was waiting");
        }
    }
}
