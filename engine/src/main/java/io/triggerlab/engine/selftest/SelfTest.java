package io.triggerlab.engine.selftest;

import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.Version;
import io.triggerlab.engine.client.EngineClient;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.observe.events.EngineEvent;
import io.triggerlab.engine.observe.events.EngineEventBus;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.JavaHandlerTarget;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Proves an installation works, without a display and without touching the user's data: starts the engine with its
 * embedded broker in a temporary data directory, registers {@link EchoHandler} as a demo function, creates a trigger
 * on a topic, produces one record, waits for the invocation and prints what happened. The packaged launcher runs it
 * for {@code --self-test}; CI runs it on every freshly built installer.
 */
public final class SelfTest {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final String FUNCTION_NAME = "triggerlab-self-test-echo";
    static final String TOPIC = "triggerlab-self-test";
    static final String RECORD_KEY = "self-test";
    static final String RECORD_VALUE = "Hello from the TriggerLab self-test";

    private final Path workDirectory;
    private final Duration timeout;
    private final Clock clock;

    /**
     * @param workDirectory where the temporary data directory is created (and deleted again)
     * @param timeout       how long each wait (trigger enabled, record sent, invocation done) may take
     */
    public SelfTest(Path workDirectory, Duration timeout, Clock clock) {
        this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs the self-test in the system's temporary directory, printing each step to {@code out}.
     *
     * @throws SelfTestFailedException naming the step that failed and why
     */
    public static SelfTestReport run(PrintStream out) {
        return new SelfTest(Path.of(System.getProperty("java.io.tmpdir")), DEFAULT_TIMEOUT, Clock.systemUTC()).execute(out);
    }

    /** As {@link #run(PrintStream)}, with this instance's directory, timeout and clock. */
    public SelfTestReport execute(PrintStream out) {
        Instant started = clock.instant();
        out.println("TriggerLab self-test " + Version.current());
        Path dataDirectory = step("creating a temporary data directory", this::createDataDirectory);
        out.println("  data directory   " + dataDirectory + " (temporary; your own data directory is not used)");
        try {
            SelfTestReport report = runEngine(dataDirectory, started, out);
            out.println("Self-test passed in " + millis(report.total()) + ".");
            return report;
        } finally {
            delete(dataDirectory, out);
        }
    }

    private SelfTestReport runEngine(Path dataDirectory, Instant started, PrintStream out) {
        EngineEventBus events = new EngineEventBus();
        CompletableFuture<EventSourceMapping> enabled = new CompletableFuture<>();
        CompletableFuture<InvocationSummary> invoked = new CompletableFuture<>();
        events.subscribe(event -> {
            if (event instanceof EngineEvent.MappingChanged changed && changed.mapping().state() == MappingState.ENABLED) {
                enabled.complete(changed.mapping());
            } else if (event instanceof EngineEvent.InvocationCompleted completed) {
                invoked.complete(completed.invocation());
            }
        });
        Instant engineStart = clock.instant();
        try (Engine engine = step("starting the engine and its embedded Kafka broker",
                () -> Engine.start(EngineConfig.defaults(dataDirectory).withApiPort(0), events))) {
            out.println("  embedded broker  " + engine.bootstrapServers() + " (started in "
                    + millis(Duration.between(engineStart, clock.instant())) + ")");

            FunctionDefinition function = step("registering the demo function", () -> registerFunction(engine));
            out.println("  function         " + function.name() + " (Java handler " + EchoHandler.class.getName() + ")");

            EventSourceMapping mapping = step("creating the trigger", () -> createTrigger(engine));
            EventSourceMapping running = await("waiting for the trigger to be Enabled", enabled,
                    () -> "it is " + describe(engine.client().mapping(mapping.uuid())));
            out.println("  trigger          " + running.uuid() + " on topic " + TOPIC + ", " + running.state().awsName());

            RecordMetadata sent = produce(engine.bootstrapServers());
            out.println("  produced         1 record to " + sent.topic() + "-" + sent.partition() + " at offset "
                    + sent.offset() + ": " + RECORD_VALUE);

            InvocationSummary invocation = await("waiting for the function to be invoked", invoked,
                    () -> "no invocation within " + timeout.toSeconds() + " s; the trigger is "
                            + describe(engine.client().mapping(mapping.uuid())));
            String response = checkedResponse(engine, invocation);
            out.println("  invocation       " + invocation.outcome() + ", " + invocation.recordCount() + " record(s), "
                    + millis(invocation.duration()));
            out.println("  response         " + response);
            return new SelfTestReport(engine.bootstrapServers(), function.name(), running.uuid(), sent.topic(),
                    sent.partition(), sent.offset(), response, invocation.duration(),
                    Duration.between(started, clock.instant()));
        }
    }

    private FunctionDefinition registerFunction(Engine engine) {
        FunctionDefinition function = new FunctionDefinition(FUNCTION_NAME,
                new JavaHandlerTarget(List.of(locationOf(EchoHandler.class)), EchoHandler.class.getName()),
                Duration.ofSeconds(10), engine.config().region(), engine.config().accountId());
        engine.client().registerFunction(function);
        return function;
    }

    private EventSourceMapping createTrigger(Engine engine) {
        KafkaCluster sandbox = engine.client().clusters().stream()
                .filter(c -> c.clusterName().equals(EngineClient.SANDBOX_CLUSTER_NAME))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the sandbox cluster is not registered"));
        engine.sandbox().orElseThrow().createTopic(TOPIC, 1);
        return engine.client().createMapping(CreateEventSourceMappingRequest.builder()
                .functionName(FUNCTION_NAME)
                .eventSourceArn(sandbox.clusterArn())
                .topics(List.of(TOPIC))
                .startingPosition("TRIM_HORIZON")
                .maximumBatchingWindowInSeconds(0)
                .build());
    }

    /** Plain kafka-clients, as any user's producer would send it. */
    private RecordMetadata produce(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.CLIENT_ID_CONFIG, "triggerlab-self-test",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            return await("producing a record to " + TOPIC,
                    producer.send(new ProducerRecord<>(TOPIC, 0, RECORD_KEY, RECORD_VALUE)),
                    () -> "the broker at " + bootstrapServers + " did not acknowledge it");
        }
    }

    private String checkedResponse(Engine engine, InvocationSummary invocation) {
        InvocationRecord record = engine.client().invocations().get(invocation.id())
                .orElseThrow(() -> new SelfTestFailedException("reading the invocation",
                        "invocation " + invocation.id() + " is not in the history", null));
        String response = record.response() == null ? "" : new String(record.response(), StandardCharsets.UTF_8);
        if (!invocation.outcome().isSuccess()) {
            throw new SelfTestFailedException("invoking the demo function", "the invocation ended " + invocation.outcome()
                    + (invocation.errorMessage() == null ? "" : " (" + invocation.errorMessage() + ")")
                    + "; response: " + response + "; function log: " + record.logs().strip(), null);
        }
        if (!response.contains(EchoHandler.quote(RECORD_VALUE))) {
            throw new SelfTestFailedException("checking the function's response",
                    "expected it to echo \"" + RECORD_VALUE + "\", but it was: " + response, null);
        }
        return response;
    }

    private <T> T await(String step, Future<T> future, Supplier<String> stateOnTimeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SelfTestFailedException(step, "timed out after " + timeout.toSeconds() + " s: " + stateOnTimeout.get(), e);
        } catch (ExecutionException e) {
            throw new SelfTestFailedException(step, String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SelfTestFailedException(step, "interrupted", e);
        }
    }

    private static <T> T step(String step, Supplier<T> action) {
        try {
            return action.get();
        } catch (SelfTestFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SelfTestFailedException(step, e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private static String describe(EventSourceMapping mapping) {
        String reason = mapping.stateTransitionReason();
        return mapping.state().awsName() + (reason == null || reason.isBlank() ? "" : " (" + reason + ")")
                + ", last processing result " + mapping.lastProcessingResult();
    }

    private Path createDataDirectory() {
        try {
            Files.createDirectories(workDirectory);
            return Files.createTempDirectory(workDirectory, "triggerlab-self-test-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory in " + workDirectory + " (" + e.getMessage()
                    + "); set java.io.tmpdir to a writable directory", e);
        }
    }

    /** Best effort: a leftover temporary directory is worth a line, not a failed self-test. */
    private static void delete(Path directory, PrintStream out) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            out.println("  note: could not delete the temporary directory " + directory + ": " + e.getMessage());
        }
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the jar holding " + type.getName(), e);
        }
    }

    private static String millis(Duration d) {
        return d.toMillis() < 10_000 ? d.toMillis() + " ms" : String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
