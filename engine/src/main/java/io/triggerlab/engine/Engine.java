package io.triggerlab.engine;

import io.triggerlab.engine.runtime.PollerSupervisor;
import io.triggerlab.engine.runtime.poll.ConsumerFactory;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.triggerlab.engine.client.EngineClient;
import io.triggerlab.engine.client.EngineParts;
import io.triggerlab.engine.controlplane.api.ApiAccess;
import io.triggerlab.engine.controlplane.api.ApiContext;
import io.triggerlab.engine.controlplane.api.LambdaApiServer;
import io.triggerlab.engine.infra.auth.AccessConfigurations;
import io.triggerlab.engine.infra.auth.ClientSecurityProperties;
import io.triggerlab.engine.infra.auth.MappingClusterAccess;
import io.triggerlab.engine.controlplane.awscheck.AwsCompatibilityCheck;
import io.triggerlab.engine.controlplane.awscheck.KafkaTopicLimits;
import io.triggerlab.engine.infra.auth.ClusterAuth;
import io.triggerlab.engine.infra.auth.MskIamSettings;
import io.triggerlab.engine.infra.auth.SecuredConsumerFactory;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.infra.cluster.KafkaTestRecordProducer;
import io.triggerlab.engine.infra.cluster.ClusterEndpoint;
import io.triggerlab.engine.infra.cluster.KafkaTopicCatalog;
import io.triggerlab.engine.infra.cluster.TestRecordProducer;
import io.triggerlab.engine.infra.cluster.TopicCatalog;
import io.triggerlab.engine.observe.events.EngineEvent;
import io.triggerlab.engine.observe.events.EngineEventBus;
import io.triggerlab.engine.invoke.function.FunctionRegistry;
import io.triggerlab.engine.invoke.faults.FaultInjectingInvoker;
import io.triggerlab.engine.invoke.faults.FaultInjector;
import io.triggerlab.engine.observe.history.HistoryRetention;
import io.triggerlab.engine.observe.history.HistoryRowWriter;
import io.triggerlab.engine.observe.history.InvocationHistory;
import io.triggerlab.engine.observe.history.JdbcInvocationHistory;
import io.triggerlab.engine.observe.history.NoPayloadHistory;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.systemlog.JdbcSystemLogs;
import io.triggerlab.engine.observe.systemlog.SystemLogs;
import io.triggerlab.engine.invoke.DefaultFunctionInvokerFactory;
import io.triggerlab.engine.invoke.FunctionInvokerFactory;
import io.triggerlab.engine.invoke.runtime.RuntimeHost;
import io.triggerlab.engine.invoke.runtime.RuntimeHostConfig;
import io.triggerlab.engine.runtime.step.StepMode;
import io.triggerlab.engine.infra.store.MappingRepository;
import io.triggerlab.engine.controlplane.mapping.MappingService;
import io.triggerlab.engine.controlplane.mapping.StoredMappingStatus;
import io.triggerlab.engine.observe.metrics.MetricsService;
import io.triggerlab.engine.observe.metrics.MetricsSettings;
import io.triggerlab.engine.runtime.offsets.KafkaGroupOffsets;
import io.triggerlab.engine.runtime.replay.Replayer;
import io.triggerlab.engine.infra.sandbox.BrokerSettings;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.infra.sandbox.FreePorts;
import io.triggerlab.engine.infra.sandbox.SandboxListener;
import io.triggerlab.engine.infra.sandbox.SecuredSandbox;
import io.triggerlab.engine.infra.schema.sandbox.SandboxSchemaRegistry;
import io.triggerlab.engine.runtime.schema.SchemaRegistryAccess;
import io.triggerlab.engine.infra.secrets.AwsSettingsFile;
import io.triggerlab.engine.infra.secrets.LocalVault;
import io.triggerlab.engine.infra.secrets.SecretResolver;
import io.triggerlab.engine.infra.secrets.SecretValue;
import io.triggerlab.engine.infra.secrets.SecretsManagerProvider;
import io.triggerlab.engine.infra.store.DataDirectory;
import io.triggerlab.engine.infra.store.Database;
import io.triggerlab.engine.infra.store.EngineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's composition root: builds every part by constructor injection, starts them in order and stops them in
 * reverse order. One instance per data directory.
 */
public final class Engine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);
    private static final String SANDBOX_PORT_SETTING = "sandbox.port";
    /** Under the data directory: unpacked code and runtime clients of runtime targets. */
    public static final String RUNTIMES_DIRECTORY = "runtimes";
    /** The sandbox registry keeps its port across restarts, so a mapping's SchemaRegistryURI stays valid. */
    private static final String SCHEMA_REGISTRY_PORT_SETTING = "sandbox.schema-registry.port";
    /** The local secrets vault's directory inside the data directory. */
    public static final String SECRETS_DIRECTORY = "secrets";

    private final EngineParts parts;
    private final EngineClient client;
    private final Deque<AutoCloseable> closeables;
    private final EmbeddedKafkaBroker sandbox;
    private final SandboxSchemaRegistry schemaRegistry;

    private Engine(EngineParts parts, Deque<AutoCloseable> closeables, EmbeddedKafkaBroker sandbox,
                   SandboxSchemaRegistry schemaRegistry) {
        this.parts = parts;
        this.client = new EngineClient(parts);
        this.closeables = closeables;
        this.sandbox = sandbox;
        this.schemaRegistry = schemaRegistry;
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
        return start(config, events, MetricsSettings.defaults(), ApiAccess.loopbackOnly());
    }

    /** As {@link #start(EngineConfig, EngineEventBus)}, sampling and autoscaling as {@code metricsSettings} say. */
    public static Engine start(EngineConfig config, EngineEventBus events, MetricsSettings metricsSettings) {
        return start(config, events, metricsSettings, ApiAccess.loopbackOnly());
    }

    /** As {@link #start(EngineConfig, EngineEventBus)}, with the local API reachable as {@code apiAccess} says. */
    public static Engine start(EngineConfig config, EngineEventBus events, ApiAccess apiAccess) {
        return start(config, events, MetricsSettings.defaults(), apiAccess);
    }

    /** The engine with explicit metrics settings and API access. */
    public static Engine start(EngineConfig config, EngineEventBus events, MetricsSettings metricsSettings,
                               ApiAccess apiAccess) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        StartPhases phases = new StartPhases();
        try {
            DataDirectory dataDirectory = push(started, DataDirectory.open(config.dataDirectory()));
            Database database = push(started, Database.open(dataDirectory.databaseFile()));
            ClusterRegistry clusters = new ClusterRegistry(database.dataSource(), config.region(), config.accountId());
            EngineSettings settings = new EngineSettings(database.dataSource());
            phases.ended("data directory and store (Flyway)");
            EmbeddedKafkaBroker sandbox = null;
            SecuredSandbox secured = null;
            String bootstrap;
            if (config.usesSandbox()) {
                BrokerSettings brokerSettings = BrokerSettings.inDirectory(dataDirectory.brokerDirectory())
                        .withPort(sandboxPort(config, settings));
                if (config.securedSandbox()) {
                    secured = push(started, SecuredSandbox.start(brokerSettings, dataDirectory.root(), securedPorts(settings)));
                    sandbox = secured.broker();
                } else {
                    sandbox = push(started, EmbeddedKafkaBroker.start(brokerSettings));
                }
                bootstrap = sandbox.bootstrapServers();
                settings.put(SANDBOX_PORT_SETTING, String.valueOf(sandbox.listeners().get(SandboxListener.PLAINTEXT).port()));
                if (secured != null) {
                    rememberSecuredPorts(settings, sandbox);
                    clusters.registerSandbox(secured.bootstrapBrokers());
                } else {
                    clusters.registerSandbox(bootstrap);
                }
            } else {
                bootstrap = config.externalBootstrap();
            }
            phases.ended("Kafka broker");
            SandboxSchemaRegistry schemaRegistry = null;
            if (sandbox != null) {
                schemaRegistry = push(started, SandboxSchemaRegistry.start(bootstrap,
                        settings.get(SCHEMA_REGISTRY_PORT_SETTING).map(Integer::parseInt).filter(FreePorts::isFree)
                                .orElse(0)));
                settings.put(SCHEMA_REGISTRY_PORT_SETTING, String.valueOf(schemaRegistry.url().getPort()));
            }
            phases.ended("schema registry");
            FunctionRegistry functions = new FunctionRegistry(database.dataSource());
            // Closed after the pollers (pushed later, closed earlier) and before the database: queued bodies get stored.
            JdbcInvocationHistory stored = push(started,
                    new JdbcInvocationHistory(database.dataSource(), HistoryRetention.defaults()));
            // Rows are written on the history's own thread, never a poller's; closed before the store, after the pollers.
            InvocationHistory history = push(started, new HistoryRowWriter(
                    config.keepHistoryPayloads() ? stored : new NoPayloadHistory(stored)));
            AwsSettingsFile aws = AwsSettingsFile.load(dataDirectory.root().resolve(AwsSettingsFile.NAME), config.region());
            LocalVault vault = LocalVault.open(dataDirectory.root().resolve(SECRETS_DIRECTORY), config.clock());
            if (secured != null) {
                putSandboxCa(vault, secured, config);
            }
            SecretResolver secrets = new SecretResolver(vault, aws.secretsManagerEnabled()
                    ? push(started, new SecretsManagerProvider(aws.secretsManager(), null)) : null);
            ClientSecurityProperties security = new ClientSecurityProperties(secrets, new MskIamSettings(aws.profile()));
            SecuredConsumerFactory consumers = new SecuredConsumerFactory(ConsumerFactory.KAFKA::create, security);
            MappingClusterAccess clusterAccess = new MappingClusterAccess(clusters, security);
            // Closed after the supervisor (reverse order): pollers stop first, then the sampler.
            MetricsService metrics = push(started, new MetricsService(database.dataSource(), metricsSettings, events,
                    config.clock(), props -> withSecurity(props, security)));
            FaultInjector faults = new FaultInjector();
            // Closed after the supervisor (pushed earlier): pollers stop invoking before their environments stop.
            RuntimeHost runtimes = push(started, new RuntimeHost(RuntimeHostConfig.from(settings,
                    dataDirectory.root().resolve(RUNTIMES_DIRECTORY)), functions::findByName, config.clock()));
            FunctionInvokerFactory invokers = FaultInjectingInvoker.wrapping(
                    new DefaultFunctionInvokerFactory(config.clock(), runtimes), faults);
            // The runtime reports to the mapping store it is given; the control plane hears nothing back from it.
            StoredMappingStatus status = new StoredMappingStatus(new MappingRepository(database.dataSource()),
                    config.clock());
            SystemLogs systemLogs = new JdbcSystemLogs(database.dataSource());
            // DEBUG system logs report offsets at the metrics' evaluation period: AWS's one minute, shorter in tests.
            PollerSupervisor supervisor = push(started, new PollerSupervisor(status, functions, clusters, invokers,
                    consumers::create, history, events,
                    config.clock(), metrics, aws.destinations(), new SchemaRegistryAccess(secrets,
                    new SchemaRegistryAccess.GlueAccess(Optional.ofNullable(aws.profile()), Optional.empty())),
                    config.retryBackoff(), systemLogs, metricsSettings.evaluationPeriod()));
            MappingService mappings = new MappingService(status, functions,
                    clusters, config.clock(), config.region(), config.accountId(), supervisor, AccessConfigurations.CHECK,
                    new KafkaGroupOffsets(clusterAccess, KafkaGroupOffsets.DEFAULT_TIMEOUT));
            AwsCompatibilityCheck awsCheck = new AwsCompatibilityCheck(mappings, functions, history, secrets,
                    new KafkaTopicLimits(clusterAccess));
            Replayer replayer = new Replayer(history, mappings, functions, invokers, events, config.clock(),
                    clusters);
            LambdaApiServer api = push(started, new LambdaApiServer(new ApiContext(mappings, functions, clusters, history,
                    config.clock(), config.region(), config.accountId(), metrics, faults, awsCheck, secured, replayer,
                    supervisor.stepMode(), systemLogs, schemaRegistry == null ? null : schemaRegistry.url()),
                    config.apiPort(), apiAccess));
            phases.ended("services and Lambda API");
            supervisor.recover();
            phases.ended("pollers recovered");
            Engine engine = new Engine(new EngineParts(config, events, bootstrap, api.endpoint(), mappings, supervisor,
                    functions, clusters, history, metrics, replayer, awsCheck, faults, vault, secrets, secured,
                    new KafkaTopicCatalog(ClusterEndpoint.of(bootstrap)),
                    new KafkaTestRecordProducer(ClusterEndpoint.of(bootstrap)), systemLogs,
                    schemaRegistry == null ? null : schemaRegistry.url()), started, sandbox,
                    schemaRegistry);
            events.publish(new EngineEvent.EngineStarted(config.clock().instant(), bootstrap, config.usesSandbox(),
                    api.endpoint().toString()));
            log.info("Engine started: Kafka at {}{}, Lambda API at {}, data directory {}", bootstrap,
                    config.usesSandbox() ? (secured != null ? " (embedded secured sandbox)" : " (embedded sandbox)") : "",
                    api.endpoint(), dataDirectory.root());
            return engine;
        } catch (RuntimeException | Error e) {
            // Whatever failed (a missing class in a trimmed runtime too), nothing that started may outlive the failure.
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

    /** The lag sampler's Admin client needs the cluster's security as plain properties, like the pollers' consumers. */
    private static Map<String, Object> withSecurity(Map<String, Object> properties, ClientSecurityProperties security) {
        Object auth = properties.get(ClientSecurityProperties.CLUSTER_AUTH_PROPERTY);
        if (!(auth instanceof ClusterAuth clusterAuth)) {
            return properties;
        }
        Map<String, Object> resolved = new HashMap<>(properties);
        resolved.remove(ClientSecurityProperties.CLUSTER_AUTH_PROPERTY);
        resolved.putAll(security.properties(clusterAuth));
        return resolved;
    }

    /** The secured listeners keep their ports across restarts when they can, like the PLAINTEXT one. */
    private static Map<String, Integer> securedPorts(EngineSettings settings) {
        Map<String, Integer> ports = new HashMap<>();
        for (String listener : SecuredSandbox.LISTENERS) {
            settings.get(SANDBOX_PORT_SETTING + "." + listener).ifPresent(p -> ports.put(listener, Integer.parseInt(p)));
        }
        return ports;
    }

    private static void rememberSecuredPorts(EngineSettings settings, EmbeddedKafkaBroker sandbox) {
        for (String listener : SecuredSandbox.LISTENERS) {
            settings.put(SANDBOX_PORT_SETTING + "." + listener, String.valueOf(sandbox.listeners().get(listener).port()));
        }
    }

    /**
     * The sandbox CA as a SERVER_ROOT_CA_CERTIFICATE secret: the pollers of MSK mappings on the sandbox trust it (the
     * local stand-in for Amazon Trust Services), and users can name it in self-managed mappings.
     */
    private static void putSandboxCa(LocalVault vault, SecuredSandbox secured, EngineConfig config) {
        String arn = SecuredSandbox.caSecretArn(config.region(), config.accountId());
        SecretValue value = new SecretValue(JsonNodeFactory.instance.objectNode()
                .put("certificate", secured.caCertificatePem()).toString());
        if (!vault.contains(arn) || !vault.secretValue(arn).equals(value)) {
            vault.put(arn, value);
        }
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> started, T closeable) {
        started.push(closeable);
        return closeable;
    }

    /**
     * The one way in for clients of the running engine (the console, {@code serve}, tests): commands, queries and
     * events, with the services kept behind it.
     */
    public EngineClient client() {
        return client;
    }

    public EngineConfig config() {
        return parts.config();
    }

    public EngineEventBus events() {
        return parts.events();
    }

    /** Bootstrap servers of the cluster in use: the sandbox broker's, or the external cluster's. */
    public String bootstrapServers() {
        return parts.bootstrapServers();
    }

    public boolean usesSandbox() {
        return parts.config().usesSandbox();
    }

    /** The embedded broker, when the engine runs the sandbox. */
    /** The sandbox's Confluent-compatible schema registry, when the engine runs the sandbox. */
    public Optional<URI> sandboxSchemaRegistry() {
        return Optional.ofNullable(schemaRegistry).map(SandboxSchemaRegistry::url);
    }

    public Optional<EmbeddedKafkaBroker> sandbox() {
        return Optional.ofNullable(sandbox);
    }

    /** The sandbox broker's secured listeners, CA, SCRAM users and ACLs, when the engine runs a secured sandbox. */
    public Optional<SecuredSandbox> securedSandbox() {
        return Optional.ofNullable(parts.securedSandbox());
    }

    /** The local Lambda API (AWS's event source mapping operations plus {@code /triggerlab/v1/}). */
    public URI apiEndpoint() {
        return parts.apiEndpoint();
    }

    // The accessors below hand out the engine's services themselves: for the engine's own tests, the benchmark and
    // the self-test, which check the parts. Clients use client().

    /** TriggerLab's local secrets vault (encrypted at rest): put, list and remove secrets by ARN. */
    public LocalVault vault() {
        return parts.vault();
    }

    /** Where the pollers read secrets: the local vault, then AWS Secrets Manager when aws.properties enables it. */
    public SecretResolver secrets() {
        return parts.secrets();
    }

    /** Fault injection: arm "the next N invocations of a function fail, throttle or time out" (in memory only). */
    public FaultInjector faults() {
        return parts.faults();
    }

    /** "Would this pass on AWS?" for a mapping and its function. */
    /**
     * Strict mode: with {@code true}, Create and Update refuse every configuration "Would this pass on AWS?" finds AWS
     * would reject, with the error AWS would give ({@code serve --strict-aws}, a console setting); with {@code false}
     * (the default) those findings stay warnings.
     */
    public void strictAws(boolean strict) {
        client().strictAws(strict);
    }

    /** True in strict mode. */
    public boolean strictAws() {
        return client().strictAws();
    }

    public AwsCompatibilityCheck awsCheck() {
        return parts.awsCheck();
    }

    public FunctionRegistry functions() {
        return parts.functions();
    }

    public ClusterRegistry clusters() {
        return parts.clusters();
    }

    /** The control plane: the same operations as Lambda's event source mapping API. */
    public MappingService mappings() {
        return parts.mappings();
    }

    public InvocationHistory history() {
        return parts.history();
    }

    /** Counters, lag, stored time series and scaling decisions of the mappings. */
    public MetricsService metrics() {
        return parts.metrics();
    }

    /** The topics of the cluster in use (list, create, health). */
    public TopicCatalog topics() {
        return parts.topics();
    }

    /** Sends test records to the cluster in use. */
    public TestRecordProducer producer() {
        return parts.producer();
    }

    /**
     * Sends a stored invocation's exact event to its mapping's function again, once, committing nothing; the replay
     * is stored in the history as its own attempt (see {@link Replayer}).
     */
    public InvocationRecord replay(long invocationId) {
        return parts.replayer().replay(invocationId);
    }

    /** Step mode per trigger (a TriggerLab extra): batches held for "Deliver next batch". */
    public StepMode stepMode() {
        return parts.supervisor().stepMode();
    }

    /** How many pollers (Kafka consumers) a mapping runs right now. */
    public int pollerCount(String mappingUuid) {
        return parts.supervisor().pollerCount(mappingUuid);
    }

    @Override
    public void close() {
        parts.events().publish(new EngineEvent.EngineStopping(parts.config().clock().instant()));
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
