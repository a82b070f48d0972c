package io.triggerlab.engine.observe.metrics;

import java.time.Duration;

/**
 * How many event poller units (EPU) a provisioned-mode mapping uses, for AWS's {@code EventPollerUnit} metric.
 *
 * <p>AWS (developer guide, "Cost optimization for provisioned mode"): one EPU carries up to 20 MB/s of polling and by
 * default 10 event pollers; a mapping without a poller group needs its own EPUs, mappings of one
 * {@code PollerGroupName} share theirs. TriggerLab's reading (docs/aws-reading.md): a mapping needs enough EPUs for
 * both its pollers and its throughput — {@code max(pollers / 10, bytes per second / 20 MB)}, rounded up to whole EPUs
 * and at least one while a poller runs; a grouped mapping reports its unrounded share, so that the SUM over a group
 * rounded up is the group's EPUs.
 */
public final class EventPollerUnits {

    /** Event pollers one EPU carries by default. */
    public static final int POLLERS_PER_EPU = 10;
    /** Polling throughput one EPU carries: 20 MB/s, taken as 20 × 2^20 bytes. */
    public static final long BYTES_PER_SECOND_PER_EPU = 20L * 1024 * 1024;

    private EventPollerUnits() {
    }

    /**
     * @param pollers  event pollers running
     * @param bytes    record bytes polled during {@code interval}
     * @param grouped  whether the mapping shares its EPUs with a poller group
     */
    public static double of(int pollers, long bytes, Duration interval, boolean grouped) {
        if (pollers <= 0) {
            return 0;
        }
        double seconds = Math.max(interval.toMillis(), 1) / 1000.0;
        double byPollers = (double) pollers / POLLERS_PER_EPU;
        double byThroughput = bytes / seconds / BYTES_PER_SECOND_PER_EPU;
        double needed = Math.max(byPollers, byThroughput);
        return grouped ? needed : Math.max(1, Math.ceil(needed));
    }
}
