package io.triggerlab.console.lag;

import io.triggerlab.engine.metrics.MetricQuery;
import io.triggerlab.engine.metrics.MetricSeries;
import io.triggerlab.engine.metrics.MetricsSnapshot;
import io.triggerlab.engine.metrics.ScalingDecision;

import java.util.List;
import java.util.Optional;

/** What the lag chart reads from the engine's metrics. Every call may block (H2); the ViewModel calls in the background. */
public interface LagBackend {

    MetricSeries series(MetricQuery query);

    /** The newest decisions first. */
    List<ScalingDecision> scalingDecisions(String mappingUuid, int limit);

    Optional<MetricsSnapshot> latest(String mappingUuid);
}
