package io.triggerlab.console.lag;

import io.triggerlab.engine.observe.metrics.CounterTotals;
import io.triggerlab.engine.observe.metrics.EsmMetric;
import io.triggerlab.engine.observe.metrics.LagStatus;
import io.triggerlab.engine.observe.metrics.LagTrend;
import io.triggerlab.engine.observe.metrics.MetricsSnapshot;
import io.triggerlab.engine.observe.metrics.ScalingDecision;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/** The words of the lag readout, from one snapshot. Pure functions, so the tests read exactly what a person reads. */
final class LagText {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private LagText() {
    }

    /** "42 s behind", "Up to date", or why the time lag is not known. */
    static String timeLag(MetricsSnapshot s) {
        long offsetLag = s.offsetLag();
        if (offsetLag < 0) {
            return s.lagStatus() == LagStatus.TOPIC_NOT_READY
                    ? "Lag unknown yet: the topic is being created"
                    : "Lag unknown: the broker could not be read (see LastProcessingResult)";
        }
        if (offsetLag == 0) {
            return "Up to date";
        }
        OptionalDouble ms = s.value(EsmMetric.TIME_LAG);
        return ms.isPresent() ? age((long) ms.getAsDouble()) + " behind" : "Age of the oldest record unknown";
    }

    static String offsetLag(MetricsSnapshot s) {
        long lag = s.offsetLag();
        if (lag < 0) {
            return "OffsetLag —";
        }
        return "OffsetLag " + lag + (lag == 1 ? " record" : " records");
    }

    /** A duration as a person says it: "0.4 s", "42 s", "3 min 5 s", "2 h 3 min". */
    static String age(long millis) {
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
    }

    static String trend(LagTrend trend) {
        if (trend == LagTrend.RISING) {
            return "Trend: rising ↑";
        }
        return trend == LagTrend.FALLING ? "Trend: falling ↓" : "Trend: steady →";
    }

    static String counters(CounterTotals totals) {
        // Every counter of AWS's event source mapping metrics counts records (events), not invocations.
        return "Records polled " + totals.polled() + " · invoked " + totals.invoked() + " · failed "
                + totals.failedInvoke() + " · committed " + totals.committed();
    }

    static String concurrency(MetricsSnapshot s) {
        OptionalDouble v = s.value(EsmMetric.CONCURRENT_EXECUTIONS);
        return "Concurrency " + (v.isPresent() ? String.valueOf((long) v.getAsDouble()) : "—");
    }

    static String consumers(MetricsSnapshot s) {
        OptionalDouble v = s.value(EsmMetric.POLLERS);
        if (v.isEmpty()) {
            return "Consumers —";
        }
        long n = (long) v.getAsDouble();
        return n + (n == 1 ? " consumer" : " consumers");
    }

    /** "21:50:03  1 → 2 consumers: OffsetLag rose from 560 to 754 over 1 s". */
    static String decision(ScalingDecision d, ZoneId zone) {
        return CLOCK.format(d.at().atZone(zone)) + "  " + d.fromPollers() + " → " + d.toPollers() + " consumers: "
                + d.message();
    }
}
