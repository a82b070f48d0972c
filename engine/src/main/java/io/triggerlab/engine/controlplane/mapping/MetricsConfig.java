package io.triggerlab.engine.controlplane.mapping;

import java.util.List;

/** {@code MetricsConfig}: opt-in metric groups {@code EventCount}, {@code ErrorCount}, {@code KafkaMetrics}. */
public record MetricsConfig(List<String> metrics) {

    public MetricsConfig {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }
}
