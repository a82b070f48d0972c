/**
 * The ESM metrics (docs/aws-behaviour.md#metrics) and Lambda's consumer autoscaling (docs/aws-behaviour.md#scaling).
 *
 * <p>{@link io.triggerlab.engine.observe.metrics.MappingCounters} counts exactly what the pollers report;
 * {@link io.triggerlab.engine.observe.metrics.MetricsService} samples each running mapping every sample interval (counters,
 * lag from the broker's Admin API, time lag, trend) into {@link io.triggerlab.engine.infra.store.MetricStore} (H2, two
 * tiers) and onto the event bus, and evaluates {@link io.triggerlab.engine.observe.metrics.ScalingPolicy} (pure) every
 * evaluation period. See {@code docs/metrics.md}.
 */
package io.triggerlab.engine.observe.metrics;

import io.triggerlab.engine.infra.store.MetricStore;
