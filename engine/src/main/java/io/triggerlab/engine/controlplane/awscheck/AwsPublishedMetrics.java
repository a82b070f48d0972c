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

    private AwsPublishedMetrics() {
    }

    /** The CloudWatch names AWS would publish for this mapping, in TriggerLab's metric order. */
    public static List<String> of(EventSourceMapping mapping) {
        Set<String> groups = mapping.metricsConfig() == null ? Set.of() : Set.copyOf(mapping.metricsConfig().metrics());
        List<String> names = new ArrayList<>();
        boolean provisioned = mapping.provisionedPollerConfig() != null && !mapping.provisionedPollerConfig().isEmpty();
        for (EsmMetric metric : EsmMetric.values()) {
            if (metric.group().equals("always") || groups.contains(metric.group())
                    || provisioned && metric.group().equals(EsmMetric.PROVISIONED_MODE)) {
                names.add(metric.awsName());
            }
        }
        return List.copyOf(names);
    }
}
