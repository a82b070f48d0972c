package io.triggerlab.engine.client;

import io.triggerlab.engine.observe.events.EngineEvent;

import java.util.function.Consumer;

/** The engine's events as they happen; a listener runs on the engine thread that published, so it must be quick. */
@FunctionalInterface
public interface EventStream {

    /** Starts calling {@code listener} with every event from now on; closing the handle stops it. */
    AutoCloseable subscribe(Consumer<? super EngineEvent> listener);
}
