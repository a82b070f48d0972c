package io.triggerlab.bench;

/**
 * One measured throughput run.
 *
 * @param records            records processed inside the measured interval
 * @param nanos              the measured interval
 * @param complete           false when the run hit {@code maxSeconds} before reading every record
 * @param peakHeapAfterGcMb  the highest heap occupancy right after a GC during the run (broker included: one JVM)
 */
record Throughput(long records, long nanos, boolean complete, long peakHeapAfterGcMb) {

    double recordsPerSecond() {
        return records * 1e9 / nanos;
    }

    /** Megabytes per second of record values (1 KB each), as consumer-baseline.md counts them. */
    double valueMegabytesPerSecond() {
        return recordsPerSecond() * BenchTopics.VALUE_BYTES / 1e6;
    }
}
