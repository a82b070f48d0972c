package io.triggerlab.console.lag;

import io.triggerlab.engine.observe.metrics.MetricQuery;
import io.triggerlab.engine.observe.metrics.MetricSeries;
import io.triggerlab.engine.observe.metrics.MetricsSnapshot;
import io.triggerlab.engine.observe.metrics.ScalingDecision;

import java.util.List;
import java.util.Optional;

/** What the lag chart reads from the engine's metrics. Every call may block (H2); the ViewModel calls in the background. */
public interface LagBackend {

    MetricSeries series(MetricQuery query);

    /** The newest decisions first. */
    List<ScalingDecision> scalingDecisions(String mappingUuid, int limit);

    Optional<MetricsSnapshot> latest(String mappingUuid);
}
