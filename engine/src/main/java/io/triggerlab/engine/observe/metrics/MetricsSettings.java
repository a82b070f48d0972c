package io.triggerlab.engine.observe.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * How often the engine samples, how it scales and how long it keeps what it sampled.
 *
 * @param sampleInterval   lag and counters are sampled this often (default 5 s; CloudWatch is per minute)
 * @param evaluationPeriod the autoscaler looks at the lag, and a DEBUG system log reports each partition's offsets,
 *                         this often (AWS: 1 minute)
 * @param trendWindow      the lag trend (rising, steady, falling) is judged over this much history (1 minute)
 * @param rawRetention     samples are kept at full resolution this long (1 hour)
 * @param minuteRetention  one-minute aggregates are kept this long (7 days)
 * @param autoScaling      false pins every mapping at its starting poller count (for debugging)
 */
public record MetricsSettings(Duration sampleInterval, Duration evaluationPeriod, Duration trendWindow,
                              Duration rawRetention, Duration minuteRetention, boolean autoScaling) {

    public static final Duration DEFAULT_SAMPLE_INTERVAL = Duration.ofSeconds(5);
    public static final Duration AWS_EVALUATION_PERIOD = Duration.ofMinutes(1);
    /** The resolution of the downsampled tier. */
    public static final Duration MINUTE = Duration.ofMinutes(1);

    public MetricsSettings {
        requirePositive(sampleInterval, "Metrics sample interval");
        requirePositive(evaluationPeriod, "Scaling evaluation period");
        requirePositive(trendWindow, "Lag trend window");
        requirePositive(rawRetention, "Raw metrics retention");
        requirePositive(minuteRetention, "Minute metrics retention");
        if (sampleInterval.compareTo(Duration.ofMillis(50)) < 0 || sampleInterval.compareTo(MINUTE) > 0) {
            throw new IllegalArgumentException("Metrics sample interval " + sampleInterval
                    + " is out of range: must be 50 ms..1 minute");
        }
        if (evaluationPeriod.compareTo(sampleInterval) < 0) {
            throw new IllegalArgumentException("Scaling evaluation period " + evaluationPeriod
                    + " is shorter than the sample interval " + sampleInterval + ": it must see at least one sample");
        }
    }

    /** AWS's cadence for scaling, 5 s samples, 1 hour of raw samples and a week of minutes. */
    public static MetricsSettings defaults() {
        return new MetricsSettings(DEFAULT_SAMPLE_INTERVAL, AWS_EVALUATION_PERIOD, Duration.ofMinutes(1),
                Duration.ofHours(1), Duration.ofDays(7), true);
    }

    public MetricsSettings withSampleInterval(Duration interval) {
        return new MetricsSettings(interval, evaluationPeriod, trendWindow, rawRetention, minuteRetention, autoScaling);
    }

    public MetricsSettings withEvaluationPeriod(Duration period) {
        return new MetricsSettings(sampleInterval, period, trendWindow, rawRetention, minuteRetention, autoScaling);
    }

    public MetricsSettings withTrendWindow(Duration window) {
        return new MetricsSettings(sampleInterval, evaluationPeriod, window, rawRetention, minuteRetention, autoScaling);
    }

    public MetricsSettings withAutoScaling(boolean enabled) {
        return new MetricsSettings(sampleInterval, evaluationPeriod, trendWindow, rawRetention, minuteRetention, enabled);
    }

    private static void requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " " + value + " must be positive");
        }
    }
}
