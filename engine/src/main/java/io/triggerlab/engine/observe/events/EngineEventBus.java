package io.triggerlab.engine.observe.events;

import io.triggerlab.engine.observe.metrics.MetricsListener;
import io.triggerlab.engine.observe.metrics.MetricsSnapshot;
import io.triggerlab.engine.observe.metrics.ScalingDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Delivers engine events to listeners on the publishing thread. Listeners must be quick: the console's adapter
 * only stores the latest state and schedules one FX update. It also listens to the metrics (samples, scaling
 * decisions), which therefore never name the events that carry their records.
 */
public final class EngineEventBus implements MetricsListener {

    private static final Logger log = LoggerFactory.getLogger(EngineEventBus.class);

    private final CopyOnWriteArrayList<Consumer<? super EngineEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener; the returned handle removes it. */
    public AutoCloseable subscribe(Consumer<? super EngineEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(EngineEvent event) {
        for (Consumer<? super EngineEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                // One broken observer must not stop the pollers that publish.
                log.warn("Engine event listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public void sampled(Instant at, MetricsSnapshot snapshot) {
        publish(new EngineEvent.MetricsSampled(at, snapshot));
    }

    @Override
    public void scaled(Instant at, ScalingDecision decision) {
        publish(new EngineEvent.ScalingDecided(at, decision));
    }
}
