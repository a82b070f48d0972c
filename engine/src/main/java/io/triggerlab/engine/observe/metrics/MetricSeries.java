package io.triggerlab.engine.observe.metrics;

import java.time.Duration;
import java.util.List;

/**
 * The answer to a {@link MetricQuery}: buckets that hold at least one sample, oldest first (gaps are times the
 * mapping was not running or the engine was down).
 *
 * @param source {@code raw} when read from full-resolution samples, {@code minute} when from the downsampled tier
 */
public record MetricSeries(MetricQuery query, Duration resolution, String source, List<MetricPoint> points) {

    public MetricSeries {
        points = List.copyOf(points);
    }

    /** Counters: everything counted in the range. Gauges: meaningless, use the points. */
    public double total() {
        return points.stream().mapToDouble(MetricPoint::value).sum();
    }
}
