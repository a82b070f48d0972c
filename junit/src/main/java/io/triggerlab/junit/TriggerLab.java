package io.triggerlab.junit;

import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.runtime.failure.RetryBackoff;
import io.triggerlab.engine.client.EngineClient;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.cluster.SentRecord;
import io.triggerlab.engine.infra.cluster.TestRecord;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.FunctionTarget;
import io.triggerlab.engine.invoke.function.JavaHandlerTarget;
import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.observe.history.InvocationSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One TriggerLab engine with its embedded Kafka broker, for tests: register a function, create a trigger, produce
 * records, and wait for what Lambda's Kafka trigger would do with them. Everything goes through the engine's
 * {@link EngineClient}, with the same validation and errors as its Lambda API. Made and closed by
 * {@link TriggerLabExtension}; usable on its own with {@link #start}.
 */
public final class TriggerLab implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TriggerLab.class);
    /** How long a wait gives the engine unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final int PAGE = HistoryQuery.MAX_LIMIT;

    private final Engine engine;
    private final EngineClient client;
    private final EngineSignal signal = new EngineSignal();
    private final AutoCloseable subscription;
    private final TopicReader reader;
    private Duration timeout = DEFAULT_TIMEOUT;

    private TriggerLab(Engine engine) {
        this.engine = engine;
        this.client = engine.client();
        this.subscription = client.subscribe(signal);
        this.reader = new TopicReader(client.bootstrapServers());
    }

    /**
     * Starts an engine in {@code dataDirectory} with the sandbox broker and the Lambda API on free ports.
     *
     * @param securedSandbox whether the broker also runs SASL/SCRAM, TLS and mTLS listeners with its own CA
     */
    public static TriggerLab start(Path dataDirectory, boolean securedSandbox) {
        return start(dataDirectory, securedSandbox, Duration.ofMillis(50));
    }

    /**
     * As {@link #start(Path, boolean)}, retrying a failing batch after {@code retryBackoff}, twice that, … up to 20
     * times it (see {@link TriggerLabTest#retryBackoffMillis()}).
     */
    public static TriggerLab start(Path dataDirectory, boolean securedSandbox, Duration retryBackoff) {
        EngineConfig config = EngineConfig.defaults(dataDirectory).withApiPort(0).withSandboxPort(0)
                .withSecuredSandbox(securedSandbox)
                .withRetryBackoff(new RetryBackoff(retryBackoff, retryBackoff.multipliedBy(20)));
        return new TriggerLab(Engine.start(config));
    }

    /** The engine's client, for what this API does not wrap (metrics, faults, offsets reset…). */
    public EngineClient client() {
        return client;
    }

    /** The sandbox broker's PLAINTEXT bootstrap servers, for the test's own clients. */
    public String bootstrapServers() {
        return client.bootstrapServers();
    }

    /** The local Lambda API, for an AWS SDK client with an endpoint override. */
    public String apiEndpoint() {
        return client.apiEndpoint().toString();
    }

    /** How long the waits below give the engine (default {@link #DEFAULT_TIMEOUT}). */
    public TriggerLab timeout(Duration waitAtMost) {
        this.timeout = waitAtMost;
        return this;
    }

    /**
     * Registers an in-process Java handler ({@code RequestHandler} or {@code RequestStreamHandler}) found on this
     * test's classpath, with Lambda's default 3 s timeout.
     */
    public String function(String name, Class<?> handler) {
        return function(name, new JavaHandlerTarget(testClasspath(), handler.getName()), FunctionDefinition.DEFAULT_TIMEOUT);
    }

    /** Registers a function with any target the engine supports (a command, a Lambda Invoke API endpoint…). */
    public String function(String name, FunctionTarget target, Duration functionTimeout) {
        client.registerFunction(new FunctionDefinition(name, target, functionTimeout, client.config().region(),
                client.config().accountId()));
        return name;
    }

    /** The classpath the handler is loaded from, in its own class loader as Lambda would: this JVM's. */
    private static List<Path> testClasspath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(Path::of).toList();
    }

    /**
     * Creates a SCRAM-SHA-512 user on the secured sandbox, allowed what a trigger needs on every topic and consumer
     * group, and keeps its credentials as a local secret; the secret's ARN, for {@link TriggerSpec#saslScram512}.
     */
    public String scramUser(String user, String password) {
        String secretArn = client.createSandboxScramUser(user, password);
        client.grantSandboxTriggerAccess(user, "*", "*");
        return secretArn;
    }

    /** Creates a topic on the sandbox broker (triggers and {@link #produce} need it to exist). */
    public void createTopic(String topic, int partitions) {
        client.topics().createTopic(topic, partitions);
    }

    /**
     * Creates a trigger on the sandbox cluster (as an MSK event source) and waits until it is Enabled. Its topic is
     * created with one partition when it does not exist.
     */
    public Trigger trigger(Consumer<TriggerSpec> spec) {
        TriggerSpec trigger = new TriggerSpec();
        spec.accept(trigger);
        if (trigger.topic() != null && client.topics().listTopics().stream().noneMatch(t -> t.name().equals(trigger.topic()))) {
            createTopic(trigger.topic(), 1);
        }
        KafkaCluster sandbox = client.clusters().stream()
                .filter(c -> c.clusterName().equals(EngineClient.SANDBOX_CLUSTER_NAME)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The engine runs no sandbox broker"));
        EventSourceMapping created = client.createMapping(trigger.toRequest(sandbox.clusterArn()));
        Trigger made = new Trigger(created.uuid(), created.topic(), trigger.function(), created.consumerGroupId());
        signal.await("trigger " + made.uuid() + " to be Enabled", timeout,
                () -> Optional.of(client.mapping(made.uuid())).filter(m -> m.state() == MappingState.ENABLED),
                () -> "it is " + describe(made));
        return made;
    }

    /** Sends the values (UTF-8, no key) to partition 0.. as Kafka's partitioner chooses, in order; where they went. */
    public List<SentRecord> produce(String topic, String... values) {
        return produce(topic, Stream.of(values).map(v -> new TestRecord(null, null, utf8(v), List.of())).toList());
    }

    /** Sends records with keys, headers or partitions of their own. */
    public List<SentRecord> produce(String topic, List<TestRecord> records) {
        return client.recordSender().send(topic, records);
    }

    /** A record with a key, for {@link #produce(String, List)}. */
    public static TestRecord record(String key, String value) {
        return new TestRecord(null, utf8(key), utf8(value), List.of());
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /** Every attempt the trigger made so far, oldest first, with its event decoded. */
    public List<Invocation> invocations(Trigger trigger) {
        return client.invocations().list(HistoryQuery.ofMapping(trigger.uuid(), PAGE)).stream()
                .sorted(Comparator.comparingLong(InvocationSummary::id))
                .flatMap(s -> client.invocations().get(s.id()).stream())
                .map(EventDecoder::decode)
                .toList();
    }

    /** Every attempt at the batch this invocation belongs to, first attempt first (a retried batch's history). */
    public List<Invocation> attempts(Invocation invocation) {
        return client.invocations().attemptsOf(invocation.batchId()).stream()
                .flatMap(s -> client.invocations().get(s.id()).stream())
                .map(EventDecoder::decode)
                .toList();
    }

    /** Waits until the trigger made at least {@code count} attempts (any outcome); all of them, oldest first. */
    public List<Invocation> awaitInvocations(Trigger trigger, int count) {
        return signal.await(count + " invocation(s) of trigger " + trigger.uuid(), timeout,
                () -> Optional.of(invocations(trigger)).filter(all -> all.size() >= count),
                () -> describe(trigger));
    }

    /** Waits until the trigger's consumer group committed {@code offset} (the next record to read) on a partition. */
    public void awaitCommitted(Trigger trigger, int partition, long offset) {
        signal.await("trigger " + trigger.uuid() + " to commit offset " + offset + " on " + trigger.topic() + "-"
                        + partition, timeout,
                () -> reader.committed(trigger.consumerGroupId(), trigger.topic(), partition).stream()
                        .filter(committed -> committed >= offset).boxed().findFirst(),
                () -> "the committed offset is " + reader.committed(trigger.consumerGroupId(), trigger.topic(), partition)
                        + "; " + describe(trigger));
    }

    /** Waits until the trigger's LastProcessingResult is {@code result} (e.g. "OK"). */
    public void awaitProcessingResult(Trigger trigger, String result) {
        signal.await("trigger " + trigger.uuid() + " to report LastProcessingResult " + result, timeout,
                () -> Optional.of(client.mapping(trigger.uuid()).lastProcessingResult()).filter(result::equals),
                () -> describe(trigger));
    }

    /** The records a topic holds now (e.g. a {@code kafka://} destination's failure records). */
    public List<ConsumedRecord> records(String topic) {
        return reader.records(topic);
    }

    /** Waits until a topic holds at least {@code count} records; all of them. */
    public List<ConsumedRecord> awaitRecords(String topic, int count) {
        return signal.await(count + " record(s) on " + topic, timeout,
                () -> Optional.of(reader.records(topic)).filter(all -> all.size() >= count),
                () -> "it holds " + reader.records(topic).size());
    }

    /** What a failing wait shows: the trigger's state, LastProcessingResult and every attempt so far. */
    private String describe(Trigger trigger) {
        EventSourceMapping mapping = client.mapping(trigger.uuid());
        List<Invocation> so = invocations(trigger);
        StringBuilder text = new StringBuilder("trigger ").append(trigger.uuid()).append(" is ").append(mapping.state())
                .append(", LastProcessingResult \"").append(mapping.lastProcessingResult()).append("\", ")
                .append(so.size()).append(" invocation(s)").append(so.isEmpty() ? "" : ":");
        so.forEach(i -> text.append("\n  ").append(i.describe()));
        return text.toString();
    }

    /** Stops the engine and its broker; the data directory is the caller's to delete. */
    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            log.warn("Could not unsubscribe from the engine's events", e);
        }
        engine.close();
    }
}
