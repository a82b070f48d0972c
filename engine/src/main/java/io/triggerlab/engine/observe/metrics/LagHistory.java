package io.triggerlab.engine.observe.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The recent {@code SumOffsetLag} readings of one mapping, kept in memory for the trend and the scaler: written by
 * the sampler, read by the autoscaler, so every method is synchronized. Older readings than {@code keep} are dropped.
 */
final class LagHistory {

    private final Duration keep;
    private final Deque<LagTrend.Point> points = new ArrayDeque<>();
    private int partitionCount;

    LagHistory(Duration keep) {
        this.keep = keep;
    }

    synchronized void add(Instant at, long lag, int partitions) {
        points.addLast(new LagTrend.Point(at, lag));
        partitionCount = partitions;
        Instant oldest = at.minus(keep);
        while (!points.isEmpty() && points.peekFirst().at().isBefore(oldest)) {
            points.removeFirst();
        }
    }

    /** The readings taken after {@code since}, oldest first. */
    synchronized List<LagTrend.Point> since(Instant since) {
        List<LagTrend.Point> out = new ArrayList<>();
        for (LagTrend.Point p : points) {
            if (p.at().isAfter(since)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The topic's partition count at the last reading, 0 before the first. */
    synchronized int partitionCount() {
        return partitionCount;
    }
}
