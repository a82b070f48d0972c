package io.triggerlab.console.shell;

/**
 * A started engine as the shell needs it: where its cluster listens, and a way to stop it. The composition root
 * adapts the real {@code Engine}; tests use a plain fake, so the ViewModel is tested without a broker.
 */
public interface EngineSession extends AutoCloseable {

    /** Bootstrap servers of the cluster in use. */
    String bootstrapServers();

    /** Stops the engine; blocks for the broker's shutdown, so never call it on the FX thread. */
    @Override
    void close();
}
