package io.triggerlab.engine.observe.metrics;

import java.time.Instant;

/**
 * Who hears what the metrics decide as it happens: a sample taken, a poller count changed. The engine's event bus
 * listens (it turns both into engine events), so metrics need not know the events package that carries its records.
 */
public interface MetricsListener {

    /** A running mapping was sampled. Called on the sampler's thread; must be quick. */
    void sampled(Instant at, MetricsSnapshot snapshot);

    /** The autoscaler changed a mapping's poller count (already in the scaling history). */
    void scaled(Instant at, ScalingDecision decision);
}
