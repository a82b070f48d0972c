package io.triggerlab.engine.events;

import java.time.Instant;

/**
 * Every fact the engine announces to observers (the console, the CLI). One record per kind of fact, so an observer
 * can switch over them exhaustively.
 */
public sealed interface EngineEvent permits EngineEvent.EngineStarted, EngineEvent.EngineStopping {

    Instant at();

    /** The engine is up: where its broker and API listen. */
    record EngineStarted(Instant at, String bootstrapServers, boolean sandbox, String apiEndpoint) implements EngineEvent {
    }

    /** The engine is shutting down. */
    record EngineStopping(Instant at) implements EngineEvent {
    }
}
