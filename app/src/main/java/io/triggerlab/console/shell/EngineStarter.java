package io.triggerlab.console.shell;

/** Starts the engine. Blocks for seconds (the embedded broker), so the shell calls it on a background thread. */
@FunctionalInterface
public interface EngineStarter {

    /** @throws RuntimeException with a message for a person, e.g. the data directory is in use */
    EngineSession start();
}
