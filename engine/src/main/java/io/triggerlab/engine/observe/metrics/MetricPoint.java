package io.triggerlab.engine.observe.metrics;

import java.time.Instant;

/**
 * One bucket of a series.
 *
 * @param at      the bucket's start
 * @param value   counters: the total counted in the bucket; gauges: the mean of its readings
 * @param min     the smallest single sample in the bucket
 * @param max     the largest single sample in the bucket (for lag, the worst moment)
 * @param samples how many samples the bucket holds
 */
public record MetricPoint(Instant at, double value, double min, double max, long samples) {
}
