package io.triggerlab.engine.observe.events;

import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.observe.metrics.MetricsSnapshot;
import io.triggerlab.engine.observe.metrics.ScalingDecision;

import java.time.Instant;

/**
 * Every fact the engine announces to observers (the console, the CLI). One record per kind of fact, so an observer
 * can switch over them exhaustively.
 */
public sealed interface EngineEvent permits EngineEvent.EngineStarted, EngineEvent.EngineStopping,
        EngineEvent.MappingChanged, EngineEvent.MappingRemoved, EngineEvent.InvocationCompleted,
        EngineEvent.MetricsSampled, EngineEvent.ScalingDecided {

    Instant at();

    /** The engine is up: where its broker and API listen. */
    record EngineStarted(Instant at, String bootstrapServers, boolean sandbox, String apiEndpoint) implements EngineEvent {
    }

    /** The engine is shutting down. */
    record EngineStopping(Instant at) implements EngineEvent {
    }

    /** A mapping was created or changed: its configuration, State or LastProcessingResult. */
    record MappingChanged(Instant at, EventSourceMapping mapping) implements EngineEvent {
    }

    /** A mapping's deletion finished. */
    record MappingRemoved(Instant at, String uuid) implements EngineEvent {
    }

    /** One attempt at a batch finished (it is in the invocation history). */
    record InvocationCompleted(Instant at, InvocationSummary invocation) implements EngineEvent {
    }

    /** A running mapping was sampled: its counters, lag and trend (every sample interval; the console charts these). */
    record MetricsSampled(Instant at, MetricsSnapshot snapshot) implements EngineEvent {
    }

    /** The autoscaler changed a mapping's poller count, and why (also kept in the scaling history). */
    record ScalingDecided(Instant at, ScalingDecision decision) implements EngineEvent {
    }
}
