package io.triggerlab.engine.observe.metrics;

import io.triggerlab.engine.infra.store.ScalingDecisionLog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The autoscaler of one running mapping: every evaluation period it gathers the period's lag readings and throttles,
 * asks {@link ScalingPolicy}, and applies, keeps and announces any change. Runs on the autoscaler thread only.
 */
final class ScalingController {

    private static final Logger log = LoggerFactory.getLogger(ScalingController.class);

    private final MonitoredMapping mapping;
    private final PollerGroup pollers;
    private final LagHistory lag;
    private final MappingCounters counters;
    private final MetricsSettings settings;
    private final ScalingDecisionLog decisions;
    private final MetricsListener events;
    private final Clock clock;
    private long throttlesSeen;

    ScalingController(MonitoredMapping mapping, PollerGroup pollers, LagHistory lag, MappingCounters counters,
                      MetricsSettings settings, ScalingDecisionLog decisions, MetricsListener events, Clock clock) {
        this.mapping = mapping;
        this.pollers = pollers;
        this.lag = lag;
        this.counters = counters;
        this.settings = settings;
        this.decisions = decisions;
        this.events = events;
        this.clock = clock;
        this.throttlesSeen = counters.totals().get(EsmMetric.THROTTLES);
    }

    /** One evaluation; returns the decision when the poller count changed. */
    Optional<ScalingDecision> evaluate() {
        Instant now = clock.instant();
        long throttles = counters.totals().get(EsmMetric.THROTTLES);
        long newThrottles = throttles - throttlesSeen;
        throttlesSeen = throttles;
        int running = pollers.pollerCount();
        ScalingPolicy.Verdict verdict = ScalingPolicy.decide(new ScalingPolicy.Input(running, lag.partitionCount(),
                mapping.provisioned(), lag.since(now.minus(settings.evaluationPeriod())), newThrottles,
                settings.evaluationPeriod()));
        if (verdict.pollers() == running || !allowed(verdict.reason())) {
            log.debug("Mapping {} keeps {} poller(s): {}", mapping.mappingUuid(), running, verdict.message());
            return Optional.empty();
        }
        log.info("Mapping {}: {} -> {} poller(s), {}: {}", mapping.mappingUuid(), running, verdict.pollers(),
                verdict.reason(), verdict.message());
        pollers.scaleTo(verdict.pollers());
        ScalingDecision decision = decisions.append(new ScalingDecision(0, mapping.mappingUuid(), now, running,
                verdict.pollers(), verdict.reason(), verdict.message()));
        events.scaled(now, decision);
        return Optional.of(decision);
    }

    /** With autoscaling off, only the configured range is enforced. */
    private boolean allowed(ScalingReason reason) {
        return settings.autoScaling() || reason == ScalingReason.BELOW_MINIMUM || reason == ScalingReason.ABOVE_MAXIMUM;
    }
}
