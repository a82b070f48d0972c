package io.triggerlab.console.wiring;

import io.triggerlab.engine.observe.events.EngineEvent;
import io.triggerlab.engine.client.EventStream;
import io.triggerlab.engine.observe.metrics.ScalingDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one place where engine events cross to the FX thread. Engine threads (pollers, the broker) publish at any rate;
 * this bridge keeps only the latest event per key and has at most one FX run pending, so a burst of thousands of
 * events costs the FX thread one run, not thousands of queued {@code Platform.runLater} calls.
 *
 * <p>It carries state, not history: a listener sees the latest event of each key, not every event. Mapping events key
 * on the mapping's UUID (a change followed by a removal leaves the removal; one mapping never hides another);
 * invocation events key on their mapping's UUID too, since a listener only needs to know "this mapping has new
 * invocations" and reads the rows from the history itself. Other events key on their type.
 */
public final class FxEventBridge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FxEventBridge.class);

    private final Executor fxThread;
    private final CopyOnWriteArrayList<Consumer<? super EngineEvent>> listeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<AutoCloseable> subscriptions = new CopyOnWriteArrayList<>();

    private final Object lock = new Object();
    /** Latest undelivered event per key, in order of first arrival. Guarded by {@link #lock}. */
    private Map<Object, EngineEvent> pending = new LinkedHashMap<>();
    /** Whether a drain is queued on the FX thread and has not yet taken {@link #pending}. Guarded by {@link #lock}. */
    private boolean drainScheduled;

    /** @param fxThread runs a task on the FX thread; {@code Platform::runLater} in the console */
    public FxEventBridge(Executor fxThread) {
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    }

    /** Adds a listener that is called on the FX thread. */
    public void addListener(Consumer<? super EngineEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Starts carrying the stream's events; closing the returned handle (or the bridge) stops it. */
    public AutoCloseable attach(EventStream stream) {
        AutoCloseable subscription = stream.subscribe(this::offer);
        subscriptions.add(subscription);
        return () -> {
            subscriptions.remove(subscription);
            subscription.close();
        };
    }

    /** Called on engine threads: must stay quick, so it only records the event and schedules at most one drain. */
    void offer(EngineEvent event) {
        boolean schedule;
        synchronized (lock) {
            pending.put(keyOf(event), event);
            schedule = !drainScheduled;
            drainScheduled = true;
        }
        if (schedule) {
            fxThread.execute(this::drain);
        }
    }

    private void drain() {
        Map<Object, EngineEvent> batch;
        synchronized (lock) {
            batch = pending;
            pending = new LinkedHashMap<>();
            drainScheduled = false;
        }
        for (EngineEvent event : batch.values()) {
            for (Consumer<? super EngineEvent> listener : listeners) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    // One broken screen must not keep the others from updating.
                    log.warn("Console listener failed on {}", event.getClass().getSimpleName(), e);
                }
            }
        }
    }

    static Object keyOf(EngineEvent event) {
        if (event instanceof EngineEvent.MappingChanged) {
            return new MappingKey(((EngineEvent.MappingChanged) event).mapping().uuid());
        }
        if (event instanceof EngineEvent.MappingRemoved) {
            return new MappingKey(((EngineEvent.MappingRemoved) event).uuid());
        }
        if (event instanceof EngineEvent.InvocationCompleted) {
            return new InvocationsKey(((EngineEvent.InvocationCompleted) event).invocation().mappingUuid());
        }
        if (event instanceof EngineEvent.MetricsSampled) {
            return new MetricsKey(((EngineEvent.MetricsSampled) event).snapshot().mappingUuid());
        }
        if (event instanceof EngineEvent.ScalingDecided) {
            return new ScalingKey(((EngineEvent.ScalingDecided) event).decision());
        }
        return event.getClass();
    }

    /** The latest sample of one mapping: one mapping's samples never hide another's. */
    private record MetricsKey(String mappingUuid) {
    }

    /** Each scaling decision is its own key: they are rare, and the console lists every one. */
    private record ScalingKey(ScalingDecision decision) {
    }

    /** Changes and removal of one mapping share a key, so the last word about a mapping is the one delivered. */
    private record MappingKey(String uuid) {
    }

    /** New invocations of one mapping. */
    private record InvocationsKey(String mappingUuid) {
    }

    /** Stops carrying events from every attached bus. Events already pending are still delivered. */
    @Override
    public void close() {
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception e) {
                log.warn("Could not unsubscribe from the engine's events", e);
            }
        }
        subscriptions.clear();
    }
}
