package io.triggerlab.engine.observe.metrics;

import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One mapping's exact counters, fed by its pollers (any thread, lock-free) and read by the sampler once per interval.
 *
 * <p>How each invocation outcome counts (docs/aws-behaviour.md#metrics): a call that reached the Invoke API — success, function error,
 * timeout, throttle, 413, unreachable target — adds its records to {@code InvokedEventCount} (again on every retry);
 * every such call that did not succeed also adds them to {@code FailedInvokeEventCount} and adds 1 to
 * {@code InvokeErrorCount} (per batch). Records given up — dropped, sent to the on-failure destination, or too large
 * for any event — are counted from the poller's {@code dropped} / {@code sentToDestination} reports, not from their
 * history entries, so nothing counts twice. Records that fell out of the log by retention count nowhere, as on AWS.
 */
public final class MappingCounters {

    private static final EsmMetric[] COUNTERS = java.util.Arrays.stream(EsmMetric.values())
            .filter(m -> m.kind() == EsmMetric.Kind.COUNTER).toArray(EsmMetric[]::new);

    private final String mappingUuid;
    private final AtomicLongArray totals = new AtomicLongArray(EsmMetric.values().length);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final DurationHistogram durations = new DurationHistogram();
    /** Sampler-thread state: what the previous reading saw. */
    private final long[] previous = new long[EsmMetric.values().length];

    public MappingCounters(String mappingUuid) {
        this.mappingUuid = mappingUuid;
    }

    public String mappingUuid() {
        return mappingUuid;
    }

    public void polled(int records) {
        add(EsmMetric.POLLED_EVENT_COUNT, records);
    }

    /** Key and value bytes of polled records ({@code EventPollerThroughputInBytes}, kept for provisioned mode). */
    public void polledBytes(long bytes) {
        add(EsmMetric.EVENT_POLLER_THROUGHPUT_IN_BYTES, bytes);
    }

    public void filteredOut(int records) {
        add(EsmMetric.FILTERED_OUT_EVENT_COUNT, records);
    }

    public void dropped(int records) {
        add(EsmMetric.DROPPED_EVENT_COUNT, records);
    }

    public void destinationDelivered(int records) {
        add(EsmMetric.ON_FAILURE_DESTINATION_DELIVERED_EVENT_COUNT, records);
    }

    public void committed(int records) {
        add(EsmMetric.COMMITTED_EVENT_COUNT, records);
    }

    public void pollingError() {
        add(EsmMetric.POLLING_ERROR_COUNT, 1);
    }

    public void commitError() {
        add(EsmMetric.COMMIT_ERROR_COUNT, 1);
    }

    public void destinationDeliveryError() {
        add(EsmMetric.ON_FAILURE_DESTINATION_DELIVERY_ERROR_COUNT, 1);
    }

    /** One history entry: an attempt at a batch, or records the poller skipped. */
    public void recorded(InvocationRecord record) {
        InvocationOutcome outcome = record.outcome();
        int records = record.recordCount();
        switch (outcome) {
            case SUCCESS -> invocation(records, record.duration(), false);
            case FUNCTION_ERROR, TIMED_OUT, PAYLOAD_TOO_LARGE, INVOKE_FAILED, BATCH_ITEM_FAILURES ->
                    invocation(records, record.duration(), true);
            case THROTTLED -> {
                invocation(records, record.duration(), true);
                add(EsmMetric.THROTTLES, 1);
            }
            case MAXIMUM_PAYLOAD_SIZE_EXCEEDED, DROPPED, SENT_TO_DESTINATION, DESTINATION_FAILED, RECORDS_EXPIRED -> {
                // Counted from the poller's dropped / sentToDestination reports; retention expiry is excluded from
                // DroppedEventCount (docs/aws-behaviour.md#metrics).
            }
            default -> {
                // An outcome added later counts nowhere until it is given a place here; never fail a poller for it.
            }
        }
    }

    private void invocation(int records, Duration duration, boolean failed) {
        add(EsmMetric.INVOKED_EVENT_COUNT, records);
        durations.record(duration);
        if (failed) {
            add(EsmMetric.FAILED_INVOKE_EVENT_COUNT, records);
            add(EsmMetric.INVOKE_ERROR_COUNT, 1);
        }
    }

    /** An invocation starts (called by {@link CountingInvoker}). */
    void invocationStarted() {
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);
    }

    void invocationFinished() {
        inFlight.decrementAndGet();
    }

    private void add(EsmMetric counter, long amount) {
        if (amount != 0) {
            totals.addAndGet(counter.ordinal(), amount);
        }
    }

    /** Every counter's exact total so far. */
    public CounterTotals totals() {
        Map<EsmMetric, Long> counts = new EnumMap<>(EsmMetric.class);
        for (EsmMetric counter : COUNTERS) {
            counts.put(counter, totals.get(counter.ordinal()));
        }
        return new CounterTotals(counts);
    }

    /**
     * What happened since the previous reading: each counter's increase, the most invocations in flight at once, and
     * duration percentiles. Called by one thread (the sampler); the increases add up exactly to {@link #totals()}.
     */
    synchronized IntervalReading readInterval() {
        Map<EsmMetric, Long> deltas = new EnumMap<>(EsmMetric.class);
        for (EsmMetric counter : COUNTERS) {
            long now = totals.get(counter.ordinal());
            deltas.put(counter, now - previous[counter.ordinal()]);
            previous[counter.ordinal()] = now;
        }
        int peak = peakInFlight.getAndSet(inFlight.get());
        long[] drained = durations.drain();
        return new IntervalReading(deltas, peak, DurationHistogram.percentileMillis(drained, 0.50),
                DurationHistogram.percentileMillis(drained, 0.90), DurationHistogram.percentileMillis(drained, 0.99));
    }

    /** One interval's worth of counter increases and invocation statistics. */
    record IntervalReading(Map<EsmMetric, Long> deltas, int peakConcurrency, double p50Millis, double p90Millis,
                           double p99Millis) {
    }
}
