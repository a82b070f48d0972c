package io.triggerlab.engine.observe.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A mapping's exact counts since the engine started (or since the mapping was created, if later): every counter of
 * docs/aws-behaviour.md#metrics plus {@code Throttles}. Counters only grow; the series store holds the same counts per interval.
 */
public record CounterTotals(Map<EsmMetric, Long> counts) {

    public CounterTotals {
        Objects.requireNonNull(counts, "counts");
        EnumMap<EsmMetric, Long> copy = new EnumMap<>(EsmMetric.class);
        counts.forEach((metric, value) -> {
            if (metric.kind() != EsmMetric.Kind.COUNTER) {
                throw new IllegalArgumentException(metric + " is a gauge, not a counter");
            }
            copy.put(metric, value);
        });
        counts = Map.copyOf(copy);
    }

    /** The count of a counter metric (0 if nothing happened). */
    public long get(EsmMetric counter) {
        if (counter.kind() != EsmMetric.Kind.COUNTER) {
            throw new IllegalArgumentException(counter + " is a gauge, not a counter: read it from a snapshot or series");
        }
        return counts.getOrDefault(counter, 0L);
    }

    public long polled() {
        return get(EsmMetric.POLLED_EVENT_COUNT);
    }

    public long invoked() {
        return get(EsmMetric.INVOKED_EVENT_COUNT);
    }

    public long failedInvoke() {
        return get(EsmMetric.FAILED_INVOKE_EVENT_COUNT);
    }

    public long committed() {
        return get(EsmMetric.COMMITTED_EVENT_COUNT);
    }
}
