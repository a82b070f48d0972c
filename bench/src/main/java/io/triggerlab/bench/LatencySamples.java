package io.triggerlab.bench;

import java.util.Arrays;

/** A growable list of latencies in nanoseconds. Not thread-safe. */
final class LatencySamples {

    private long[] nanos = new long[16_384];
    private int count;

    void add(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    int count() {
        return count;
    }

    Latency summary() {
        return Latency.of(nanos, count);
    }
}
