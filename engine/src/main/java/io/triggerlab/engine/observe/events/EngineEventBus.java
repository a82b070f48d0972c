package io.triggerlab.engine.observe.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Delivers engine events to listeners on the publishing thread. Listeners must be quick: the console's adapter
 * only stores the latest state and schedules one FX update.
 */
public final class EngineEventBus {

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
}
