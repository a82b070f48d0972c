package io.triggerlab.engine;

import io.triggerlab.engine.api.ApiAccess;
import io.triggerlab.engine.api.ApiContext;
import io.triggerlab.engine.api.LambdaApiServer;
import io.triggerlab.engine.auth.ClientSecurityProperties;
import io.triggerlab.engine.auth.MskIamSettings;
import io.triggerlab.engine.auth.SecuredConsumerFactory;
import io.triggerlab.engine.cluster.ClusterRegistry;
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
import io.triggerlab.engine.sandbox.FreePorts;
import io.triggerlab.engine.sandbox.SandboxListener;
import io.triggerlab.engine.secrets.AwsSettingsFile;
import io.triggerlab.engine.secrets.LocalVault;
import io.triggerlab.engine.secrets.SecretResolver;
import io.triggerlab.engine.secrets.SecretsManagerProvider;
import io.triggerlab.engine.store.DataDirectory;
import io.triggerlab.engine.store.Database;
import io.triggerlab.engine.store.EngineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The engine's composition root: builds every part by constructor injection, starts them in order and stops them in
 * reverse order. One instance per data directory.
 */
public final class Engine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);
    private static final String SANDBOX_PORT_SETTING = "sandbox.port";
    /** The local secrets vault's directory inside the data directory. */
    public static final String SECRETS_DIRECTORY = "secrets";

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
    private final URI apiEndpoint;
    private final LocalVault vault;
    private final SecretResolver secrets;

    private Engine(EngineConfig config, EngineEventBus events, Deque<AutoCloseable> closeables, String bootstrapServers,
                   EmbeddedKafkaBroker sandbox, FunctionRegistry functions, ClusterRegistry clusters,
                   MappingService mappings, InvocationHistory history, PollerSupervisor supervisor, URI apiEndpoint,
                   LocalVault vault, SecretResolver secrets) {
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
        this.apiEndpoint = apiEndpoint;
        this.vault = vault;
        this.secrets = secrets;
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
        return start(config, events, ApiAccess.loopbackOnly());
    }

    /** As {@link #start(EngineConfig, EngineEventBus)}, with the local API reachable as {@code apiAccess} says. */
    public static Engine start(EngineConfig config, EngineEventBus events, ApiAccess apiAccess) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            DataDirectory dataDirectory = push(started, DataDirectory.open(config.dataDirectory()));
            Database database = push(started, Database.open(dataDirectory.databaseFile()));
            ClusterRegistry clusters = new ClusterRegistry(database.dataSource(), config.region(), config.accountId());
            EngineSettings settings = new EngineSettings(database.dataSource());
            EmbeddedKafkaBroker sandbox = null;
            String bootstrap;
            if (config.usesSandbox()) {
                sandbox = push(started, EmbeddedKafkaBroker.start(BrokerSettings.inDirectory(dataDirectory.brokerDirectory())
                        .withPort(sandboxPort(config, settings))));
                bootstrap = sandbox.bootstrapServers();
                settings.put(SANDBOX_PORT_SETTING, String.valueOf(sandbox.listeners().get(SandboxListener.PLAINTEXT).port()));
                clusters.registerSandbox(bootstrap);
            } else {
                bootstrap = config.externalBootstrap();
            }
            FunctionRegistry functions = new FunctionRegistry(database.dataSource());
            InvocationHistory history = new JdbcInvocationHistory(database.dataSource(), HistoryRetention.defaults());
            AwsSettingsFile aws = AwsSettingsFile.load(dataDirectory.root().resolve(AwsSettingsFile.NAME), config.region());
            LocalVault vault = LocalVault.open(dataDirectory.root().resolve(SECRETS_DIRECTORY), config.clock());
            SecretResolver secrets = new SecretResolver(vault, aws.secretsManagerEnabled()
                    ? push(started, new SecretsManagerProvider(aws.secretsManager(), null)) : null);
            SecuredConsumerFactory consumers = new SecuredConsumerFactory(ConsumerFactory.KAFKA::create,
                    new ClientSecurityProperties(secrets, new MskIamSettings(aws.profile())));
            PollerSupervisor supervisor = push(started, new PollerSupervisor(functions, clusters,
                    new DefaultFunctionInvokerFactory(config.clock()), consumers::create, history, events,
                    config.clock()));
            MappingService mappings = new MappingService(new MappingRepository(database.dataSource()), functions,
                    clusters, config.clock(), config.region(), config.accountId(), supervisor);
            supervisor.bind(mappings);
            LambdaApiServer api = push(started, new LambdaApiServer(new ApiContext(mappings, functions, clusters, history,
                    config.clock(), config.region(), config.accountId()), config.apiPort(), apiAccess));
            supervisor.recover();
            Engine engine = new Engine(config, events, started, bootstrap, sandbox, functions, clusters, mappings,
                    history, supervisor, api.endpoint(), vault, secrets);
            events.publish(new EngineEvent.EngineStarted(config.clock().instant(), bootstrap, config.usesSandbox(),
                    api.endpoint().toString()));
            log.info("Engine started: Kafka at {}{}, Lambda API at {}, data directory {}", bootstrap,
                    config.usesSandbox() ? " (embedded sandbox)" : "", api.endpoint(), dataDirectory.root());
            return engine;
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    /**
     * The sandbox keeps its port across restarts when it can, so self-managed mappings and clients configured with the
     * sandbox's address keep working; an explicit port wins, and a taken one falls back to a free port.
     */
    private static int sandboxPort(EngineConfig config, EngineSettings settings) {
        if (config.sandboxPort() != 0) {
            return config.sandboxPort();
        }
        return settings.get(SANDBOX_PORT_SETTING).map(Integer::parseInt).filter(FreePorts::isFree).orElse(0);
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
    public Optional<EmbeddedKafkaBroker> sandbox() {
        return Optional.ofNullable(sandbox);
    }

    /** The local Lambda API (AWS's event source mapping operations plus {@code /triggerlab/v1/}). */
    public URI apiEndpoint() {
        return apiEndpoint;
    }

    /** TriggerLab's local secrets vault (encrypted at rest): put, list and remove secrets by ARN. */
    public LocalVault vault() {
        return vault;
    }

    /** Where the pollers read secrets: the local vault, then AWS Secrets Manager when aws.properties enables it. */
    public SecretResolver secrets() {
        return secrets;
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
