package io.triggerlab.engine.observe.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Where a mapping's lag is heading over the trend window (the last minute by default). */
public enum LagTrend {
    RISING, STEADY, FALLING;

    /** A lag reading in time: {@code SumOffsetLag} at {@code at}. */
    public record Point(Instant at, long lag) {
    }

    /**
     * The trend of the points: the least-squares slope of lag over time, projected over the points' time span. A
     * projected change within max(1 record, 5 % of the mean lag) is {@link #STEADY}, so batch-by-batch jitter does not
     * flip the trend. Fewer than two points, or points all at one instant, are {@code STEADY}: nothing to judge by.
     */
    public static LagTrend of(List<Point> points) {
        if (points.size() < 2) {
            return STEADY;
        }
        Instant origin = points.get(0).at();
        double n = points.size();
        double sumX = 0;
        double sumY = 0;
        double sumXY = 0;
        double sumXX = 0;
        for (Point p : points) {
            double x = Duration.between(origin, p.at()).toNanos() / 1e9;
            double y = p.lag();
            sumX += x;
            sumY += y;
            sumXY += x * y;
            sumXX += x * x;
        }
        double spread = n * sumXX - sumX * sumX;
        double span = Duration.between(origin, points.get(points.size() - 1).at()).toNanos() / 1e9;
        if (spread <= 0 || span <= 0) {
            return STEADY;
        }
        double slope = (n * sumXY - sumX * sumY) / spread;
        double change = slope * span;
        double tolerance = Math.max(1.0, 0.05 * (sumY / n));
        if (change > tolerance) {
            return RISING;
        }
        return change < -tolerance ? FALLING : STEADY;
    }
}
