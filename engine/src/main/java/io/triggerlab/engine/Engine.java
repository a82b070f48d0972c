package io.triggerlab.engine;

import io.triggerlab.engine.events.EngineEvent;
import io.triggerlab.engine.events.EngineEventBus;
import io.triggerlab.engine.sandbox.BrokerSettings;
import io.triggerlab.engine.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.store.DataDirectory;
import io.triggerlab.engine.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The engine's composition root: builds every part by constructor injection, starts them in order and stops them in
 * reverse order. One instance per data directory.
 */
public final class Engine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final EngineConfig config;
    private final EngineEventBus events;
    private final Deque<AutoCloseable> closeables;
    private final String bootstrapServers;
    private final Database database;

    private Engine(EngineConfig config, EngineEventBus events, Deque<AutoCloseable> closeables,
                   String bootstrapServers, Database database) {
        this.config = config;
        this.events = events;
        this.closeables = closeables;
        this.bootstrapServers = bootstrapServers;
        this.database = database;
    }

    /** Starts the engine; on any failure, whatever already started is stopped again before the exception leaves. */
    public static Engine start(EngineConfig config) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            DataDirectory dataDirectory = push(started, DataDirectory.open(config.dataDirectory()));
            Database database = push(started, Database.open(dataDirectory.databaseFile()));
            String bootstrap;
            if (config.usesSandbox()) {
                EmbeddedKafkaBroker broker = push(started, EmbeddedKafkaBroker.start(
                        BrokerSettings.inDirectory(dataDirectory.brokerDirectory()).withPort(config.sandboxPort())));
                bootstrap = broker.bootstrapServers();
            } else {
                bootstrap = config.externalBootstrap();
            }
            EngineEventBus events = new EngineEventBus();
            Engine engine = new Engine(config, events, started, bootstrap, database);
            events.publish(new EngineEvent.EngineStarted(config.clock().instant(), bootstrap, config.usesSandbox(), null));
            return engine;
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> started, T closeable) {
        started.push(closeable);
        return closeable;
    }

    public EngineConfig config() {
        return config;
    }

    public EngineEventBus events() {
        return events;
    }

    /** Bootstrap servers of the cluster in use: the sandbox broker's, or the external cluster's. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public boolean usesSandbox() {
        return config.usesSandbox();
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        events.publish(new EngineEvent.EngineStopping(config.clock().instant()));
        closeAll(closeables);
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable c = started.pop();
            try {
                c.close();
            } catch (Exception e) {
                log.warn("Failed to stop {}", c.getClass().getSimpleName(), e);
            }
        }
    }
}
