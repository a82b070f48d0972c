package io.triggerlab.engine.controlplane.awscheck;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.observe.metrics.EsmMetric;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which of a mapping's metrics AWS would publish to CloudWatch (docs/aws-behaviour.md#metrics): {@code OffsetLag}
 * always; the {@code EventCount}, {@code ErrorCount} and {@code KafkaMetrics} groups only when {@code MetricsConfig}
 * opts in; {@code ProvisionedPollers}, {@code EventPollerUnit} and {@code EventPollerThroughputInBytes} in provisioned
 * mode. TriggerLab records every metric whatever the configuration (its own charts stay on); this is the "AWS view".
 */
public final class AwsPublishedMetrics {

    /** AWS's provisioned-mode metrics (Lambda's metric reference); TriggerLab's {@code Pollers} is the first one. */
    public static final List<String> PROVISIONED_MODE = List.of("ProvisionedPollers", "EventPollerUnit",
            "EventPollerThroughputInBytes");

    private AwsPublishedMetrics() {
    }

    /** The CloudWatch names AWS would publish for this mapping, in TriggerLab's metric order. */
    public static List<String> of(EventSourceMapping mapping) {
        Set<String> groups = mapping.metricsConfig() == null ? Set.of() : Set.copyOf(mapping.metricsConfig().metrics());
        List<String> names = new ArrayList<>();
        for (EsmMetric metric : EsmMetric.values()) {
            if (metric.group().equals("always") || groups.contains(metric.group())) {
                names.add(metric.awsName());
            }
        }
        if (mapping.provisionedPollerConfig() != null && !mapping.provisionedPollerConfig().isEmpty()) {
            names.addAll(PROVISIONED_MODE);
        }
        return List.copyOf(names);
    }
}
