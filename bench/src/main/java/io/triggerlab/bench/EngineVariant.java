package io.triggerlab.bench;

import io.triggerlab.engine.observe.metrics.MetricsSettings;

import java.time.Duration;

/**
 * One engine configuration under test.
 *
 * @param id            the name in the table and in {@code variants=}
 * @param batchSize     the mapping's BatchSize
 * @param windowSeconds MaximumBatchingWindowInSeconds, or null for Kafka's 500 ms default
 * @param keepPayloads  whether the invocation history stores each event and response (the engine's default)
 * @param metrics       whether the engine samples lag and counters every 5 s and autoscales (its default)
 */
record EngineVariant(String id, int batchSize, Integer windowSeconds, boolean keepPayloads, boolean metrics) {

    /**
     * The engine has no switch that turns its metrics off: its exact counters (a few atomic adds per batch) are part of
     * the trigger. "Without metrics" samples once, when the mapping starts, and then not again within a minute (the
     * longest interval allowed, longer than any run here), and never autoscales: no lag reads from the broker, no
     * time-series writes, no scaling evaluations.
     */
    MetricsSettings metricsSettings() {
        return metrics ? MetricsSettings.defaults()
                : MetricsSettings.defaults().withSampleInterval(Duration.ofMinutes(1)).withAutoScaling(false);
    }

    String describe() {
        return "engine, BatchSize " + batchSize + ", window " + (windowSeconds == null ? "500 ms (default)" : windowSeconds + " s")
                + (keepPayloads ? "" : ", history without payloads") + (metrics ? "" : ", no metrics sampling");
    }
}
