package io.triggerlab.engine;

import io.triggerlab.engine.cluster.ClusterRegistry;
import io.triggerlab.engine.cluster.KafkaTestRecordProducer;
import io.triggerlab.engine.cluster.KafkaTopicCatalog;
import io.triggerlab.engine.cluster.TestRecordProducer;
import io.triggerlab.engine.cluster.TopicCatalog;
import io.triggerlab.engine.events.EngineEvent;
import io.triggerlab.engine.events.EngineEventBus;
import io.triggerlab.engine.function.FunctionRegistry;
import io.triggerlab.engine.history.HistoryRetention;
import io.triggerlab.engine.history.InvocationHistory;
import io.triggerlab.engine.history.JdbcInvocationHistory;
import io.triggerlab.engine.invoke.DefaultFunctionInvokerFactory;
import io.triggerlab.engine.mapping.MappingRepository;
import io.triggerlab.engine.mapping.MappingService;
import io.triggerlab.engine.poller.ConsumerFactory;
import io.triggerlab.engine.poller.PollerSupervisor;
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
    private final EmbeddedKafkaBroker sandbox;
    private final FunctionRegistry functions;
    private final ClusterRegistry clusters;
    private final MappingService mappings;
    private final InvocationHistory history;
    private final PollerSupervisor supervisor;
    private final TopicCatalog topics;
    private final TestRecordProducer producer;

    private Engine(EngineConfig config, EngineEventBus events, Deque<AutoCloseable> closeables, String bootstrapServers,
                   EmbeddedKafkaBroker sandbox, FunctionRegistry functions, ClusterRegistry clusters,
                   MappingService mappings, InvocationHistory history, PollerSupervisor supervisor) {
        this.config = config;
        this.events = events;
        this.closeables = closeables;
        this.bootstrapServers = bootstrapServers;
        this.sandbox = sandbox;
        this.functions = functions;
        this.clusters = clusters;
        this.mappings = mappings;
        this.history = history;
        this.supervisor = supervisor;
        this.topics = new KafkaTopicCatalog(bootstrapServers);
        this.producer = new KafkaTestRecordProducer(bootstrapServers);
    }

    /** Starts the engine with a fresh event bus. */
    public static Engine start(EngineConfig config) {
        return start(config, new EngineEventBus());
    }

    /**
     * Starts the engine, publishing on the given bus, so observers that subscribed beforehand see every event from
     * the first. On any failure, whatever already started is stopped again before the exception leaves.
     */
    public static Engine start(EngineConfig config, EngineEventBus events) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            DataDirectory dataDirectory = push(started, DataDirectory.open(config.dataDirectory()));
            Database database = push(started, Database.open(dataDirectory.databaseFile()));
            ClusterRegistry clusters = new ClusterRegistry(database.dataSource(), config.region(), config.accountId());
            EmbeddedKafkaBroker sandbox = null;
            String bootstrap;
            if (config.usesSandbox()) {
                sandbox = push(started, EmbeddedKafkaBroker.start(
                        BrokerSettings.inDirectory(dataDirectory.brokerDirectory()).withPort(config.sandboxPort())));
                bootstrap = sandbox.bootstrapServers();
                clusters.registerSandbox(bootstrap);
            } else {
                bootstrap = config.externalBootstrap();
            }
            FunctionRegistry functions = new FunctionRegistry(database.dataSource());
            InvocationHistory history = new JdbcInvocationHistory(database.dataSource(), HistoryRetention.defaults());
            PollerSupervisor supervisor = push(started, new PollerSupervisor(functions, clusters,
                    new DefaultFunctionInvokerFactory(config.clock()), ConsumerFactory.KAFKA, history, events,
                    config.clock()));
            MappingService mappings = new MappingService(new MappingRepository(database.dataSource()), functions,
                    clusters, config.clock(), config.region(), config.accountId(), supervisor);
            supervisor.bind(mappings);
            supervisor.recover();
            Engine engine = new Engine(config, events, started, bootstrap, sandbox, functions, clusters, mappings,
                    history, supervisor);
            events.publish(new EngineEvent.EngineStarted(config.clock().instant(), bootstrap, config.usesSandbox(), null));
            log.info("Engine started: Kafka at {}{}, data directory {}", bootstrap,
                    config.usesSandbox() ? " (embedded sandbox)" : "", dataDirectory.root());
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

    /** The embedded broker, when the engine runs the sandbox. */
    public java.util.Optional<EmbeddedKafkaBroker> sandbox() {
        return java.util.Optional.ofNullable(sandbox);
    }

    public FunctionRegistry functions() {
        return functions;
    }

    public ClusterRegistry clusters() {
        return clusters;
    }

    /** The control plane: the same operations as Lambda's event source mapping API. */
    public MappingService mappings() {
        return mappings;
    }

    public InvocationHistory history() {
        return history;
    }

    /** The topics of the cluster in use (list, create, health), for the console and CLI. */
    public TopicCatalog topics() {
        return topics;
    }

    /** Sends test records to the cluster in use. */
    public TestRecordProducer producer() {
        return producer;
    }

    /** How many pollers (Kafka consumers) a mapping runs right now. */
    public int pollerCount(String mappingUuid) {
        return supervisor.pollerCount(mappingUuid);
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
