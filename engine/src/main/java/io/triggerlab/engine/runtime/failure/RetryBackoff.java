package io.triggerlab.engine.runtime.failure;

import java.time.Duration;

/**
 * Capped exponential backoff between attempts at the same batch: base, 2×base, 4×base … up to cap.
 */
public record RetryBackoff(Duration base, Duration cap) {

    public static final RetryBackoff DEFAULT = new RetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    public RetryBackoff {
        if (base.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("Backoff base " + base + " must be >= 0 and <= cap " + cap);
        }
    }

    /** The wait after the given failed attempt (1-based). */
    public Duration after(int failedAttempt) {
        int shift = Math.min(Math.max(failedAttempt - 1, 0), 30);
        long millis = base.toMillis() << shift;
        return millis < 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }
}
