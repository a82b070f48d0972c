package io.triggerlab.bench;

import io.triggerlab.engine.observe.history.InvocationSummary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The engine's own time per invocation: from the end of one invocation to the start of the next, on a backlogged
 * topic (poll, batch assembly, building the event, committing and recording the previous one), read from the history's
 * newest invocations. With the no-op function nearly all of a batch's time is this.
 *
 * @param p50Ms   median gap
 * @param p99Ms   99th percentile gap
 * @param samples gaps measured
 * @param pollers pollers running at the end of the run; with more than one the gaps of different pollers interleave
 *                and understate each one's overhead
 */
record Overhead(double p50Ms, double p99Ms, int samples, int pollers) {

    static Overhead of(List<InvocationSummary> invocations, int pollers) {
        List<InvocationSummary> byStart = new ArrayList<>(invocations);
        byStart.sort(Comparator.comparing(InvocationSummary::startedAt).thenComparingLong(InvocationSummary::id));
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < byStart.size(); i++) {
            InvocationSummary before = byStart.get(i - 1);
            Duration gap = Duration.between(before.startedAt().plus(before.duration()), byStart.get(i).startedAt());
            if (!gap.isNegative()) {
                gaps.add(gap.toNanos() / 1e6);
            }
        }
        if (gaps.isEmpty()) {
            return new Overhead(0, 0, 0, pollers);
        }
        gaps.sort(Double::compare);
        return new Overhead(percentile(gaps, 0.50), percentile(gaps, 0.99), gaps.size(), pollers);
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
