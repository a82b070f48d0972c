package io.triggerlab.engine.runtime;

import io.triggerlab.engine.runtime.report.PollerObserver;
import io.triggerlab.engine.observe.events.EngineEvent;
import io.triggerlab.engine.observe.events.EngineEventBus;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.controlplane.mapping.MappingStatus;
import io.triggerlab.engine.observe.metrics.MappingCounters;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.triggerlab.engine.runtime.step.StepGate;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns what one mapping's pollers report into the mapping's LastProcessingResult, engine events and its metric
 * counters. The stored status is written only when it changes, so a healthy mapping costs no database write per batch.
 */
final class MappingObserver implements PollerObserver {

    private final String mappingUuid;
    private final MappingStatus mappings;
    private final EngineEventBus events;
    private final Clock clock;
    private final AtomicReference<String> lastResult;
    private final MappingCounters counters;
    private final StepGate steps;

    MappingObserver(String mappingUuid, String currentResult, MappingStatus mappings, EngineEventBus events, Clock clock,
                    MappingCounters counters, StepGate steps) {
        this.counters = counters;
        this.steps = steps;
        this.mappingUuid = mappingUuid;
        this.mappings = mappings;
        this.events = events;
        this.clock = clock;
        this.lastResult = new AtomicReference<>(currentResult);
    }

    @Override
    public StepGate stepGate() {
        return steps;
    }

    @Override
    public void polled(int records, long bytes) {
        counters.polled(records);
        counters.polledBytes(bytes);
    }

    @Override
    public void invoked(InvocationRecord record) {
        counters.recorded(record);
        events.publish(new EngineEvent.InvocationCompleted(clock.instant(), record.summary()));
    }

    @Override
    public void committed(Map<TopicPartition, OffsetAndMetadata> offsets, int records) {
        counters.committed(records);
    }

    @Override
    public void processingResult(String result) {
        String previous = lastResult.getAndSet(result);
        if (!Objects.equals(previous, result)) {
            events.publish(new EngineEvent.MappingChanged(clock.instant(), mappings.recordProcessingResult(mappingUuid, result)));
        }
    }

    @Override
    public void pollingError(Exception error) {
        counters.pollingError();
    }

    @Override
    public void commitError(Exception error) {
        counters.commitError();
    }

    @Override
    public void assignmentChanged(Set<TopicPartition> assignment) {
    }

    @Override
    public void filteredOut(int records) {
        counters.filteredOut(records);
    }

    @Override
    public void dropped(int records) {
        counters.dropped(records);
    }

    @Override
    public void sentToDestination(int records) {
        counters.destinationDelivered(records);
    }

    @Override
    public void destinationDeliveryFailed(int records, Exception error) {
        counters.destinationDeliveryError();
    }
}
