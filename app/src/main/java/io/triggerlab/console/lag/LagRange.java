package io.triggerlab.console.lag;

import io.triggerlab.engine.observe.metrics.MetricQuery;

import java.time.Duration;

/** The spans the lag chart offers. Each loads the stored series and then keeps following the live samples. */
public enum LagRange {
    FIVE_MINUTES("5 min", Duration.ofMinutes(5)),
    ONE_HOUR("1 h", Duration.ofHours(1)),
    ONE_DAY("1 day", Duration.ofDays(1));

    private final String label;
    private final Duration span;

    LagRange(String label, Duration span) {
        this.label = label;
        this.span = span;
    }

    public Duration span() {
        return span;
    }

    /**
     * The closest two live points may be: the stored series' automatic resolution, so a day's chart gets about
     * {@link MetricQuery#TARGET_POINTS} points whether they came from the store or from the live samples.
     */
    public Duration spacing() {
        return Duration.ofMillis(Math.max(1_000, span.toMillis() / MetricQuery.TARGET_POINTS));
    }

    @Override
    public String toString() {
        return label;
    }
}
