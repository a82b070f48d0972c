package io.triggerlab.bench;

/**
 * Turns "records done so far" observations into a rate over the steady part of a run. The clock starts at the first
 * observation with any progress, not at subscribe time, so group join and the first fetch are left out alike for the
 * raw loop and the engine; the records done by then are left out of the count. It stops when every record is done or
 * {@code maxNanos} after the start.
 */
final class ProgressClock {

    private final long total;
    private final long maxNanos;
    private long startNanos = -1;
    private long startCount;
    private long lastNanos;
    private long lastCount;

    ProgressClock(long total, long maxNanos) {
        this.total = total;
        this.maxNanos = maxNanos;
    }

    /** Records an observation; returns true when the run is over. */
    boolean observe(long done, long nowNanos) {
        if (startNanos < 0) {
            if (done == 0) {
                return false;
            }
            startNanos = nowNanos;
            startCount = done;
        }
        lastNanos = nowNanos;
        lastCount = done;
        return done >= total || nowNanos - startNanos >= maxNanos;
    }

    Throughput result(long peakHeapAfterGcMb) {
        if (startNanos < 0 || lastNanos == startNanos) {
            throw new IllegalStateException("The run made no measurable progress (" + lastCount + " of " + total
                    + " records); is the broker or the engine stuck?");
        }
        return new Throughput(lastCount - startCount, lastNanos - startNanos, lastCount >= total, peakHeapAfterGcMb);
    }
}
