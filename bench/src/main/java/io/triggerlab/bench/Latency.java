package io.triggerlab.bench;

import java.util.Arrays;

/**
 * Produce → arrival latencies of one run, in milliseconds.
 *
 * @param samples how many records were measured
 */
record Latency(int samples, double p50Ms, double p99Ms, double maxMs) {

    static Latency of(long[] nanos, int count) {
        if (count == 0) {
            throw new IllegalStateException("No latency samples: nothing arrived during the measured seconds");
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Latency(count, ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.99)), ms(sorted[count - 1]));
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[(int) Math.ceil(p * sorted.length) - 1];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
