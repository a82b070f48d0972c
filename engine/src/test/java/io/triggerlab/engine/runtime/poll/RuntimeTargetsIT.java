package io.triggerlab.engine.runtime.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.Engine;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.invoke.function.LambdaRuntime;
import io.triggerlab.engine.invoke.function.RuntimeTarget;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.testing.OfficialNodeClient;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import io.triggerlab.testfunctions.RuntimeCrashingHandler;
import io.triggerlab.testfunctions.RuntimeKafkaHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runtime targets driven by real pollers: a Python handler through TriggerLab's bootstrap, a Node.js handler through
 * AWS's aws-lambda-ric from npm, a Java handler through AWS's Java runtime interface client, a custom runtime's
 * bootstrap. Each counts the records it got, warm (1, 2, 3), fails once (Lambda's error JSON in the history, the batch
 * retried), times out once (environment replaced: the retry runs in a fresh one), and a second function of the same
 * runtime crashes at init (nothing committed).
 */
@ExtendWith(SharedKafkaBroker.class)
class RuntimeTargetsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final EmbeddedKafkaBroker broker;
    private EngineHarness harness;
    @TempDir
    Path dataDir;
    @TempDir
    Path code;
    @TempDir
    Path markers;

    RuntimeTargetsIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void setUp() {
        harness = new EngineHarness(broker.bootstrapServers(), dataDir);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void python_throughTriggerLabsBootstrap() throws Exception {
        copy("python", code);
        runScenario(LambdaRuntime.PYTHON_3_12, "app.handler", "crash.handler", code, "ValueError", "RuntimeError");
    }

    @Test
    void nodejs_throughAwsLambdaRicFromNpm() throws Exception {
        Path ric = OfficialNodeClient.installed().orElse(null);
        Assumptions.assumeTrue(ric != null, () -> "AWS's aws-lambda-ric is not available: " + OfficialNodeClient.whyMissing());
        Path clients = dataDir.resolve(Engine.RUNTIMES_DIRECTORY).resolve("clients").resolve("node").resolve("node_modules");
        Files.createDirectories(clients);
        Files.createSymbolicLink(clients.resolve("aws-lambda-ric"), ric);
        copy("node", code);
        InvocationRecord success = runScenario(LambdaRuntime.NODEJS_20, "index.handler", "crash.handler", code, "Error", "Error");
        assertThat(success.logs()).contains("Runtime Client: aws-lambda-ric " + OfficialNodeClient.VERSION + " (AWS)")
                .containsPattern("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\t[0-9a-f-]{36}\tINFO\tvalues ");
    }

    @Test
    void java_throughAwsJavaRuntimeInterfaceClient() throws Exception {
        Path classes = Path.of(RuntimeKafkaHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        InvocationRecord success = runScenario(LambdaRuntime.JAVA_17, RuntimeKafkaHandler.class.getName() + "::handleRequest",
                RuntimeCrashingHandler.class.getName(), classes, IllegalStateException.class.getName(),
                ExceptionInInitializerError.class.getName());
        assertThat(success.logs()).contains("Runtime Client: aws-lambda-java-runtime-interface-client (AWS)");
    }

    @Test
    void customRuntime_runsTheBootstrap() throws Exception {
        copy("custom", code);
        code.resolve("bootstrap").toFile().setExecutable(true);
        Path crashing = Files.createTempDirectory(markers, "crash");
        copy("custom-crash", crashing);
        crashing.resolve("bootstrap").toFile().setExecutable(true);
        runScenario(LambdaRuntime.PROVIDED_AL2023, "function.handler", null, code, "BoomError", null);
        String topic = TestTopics.unique("custom-crash");
        broker.createTopic(topic, 1);
        harness.register("custom-crash", new RuntimeTarget(LambdaRuntime.PROVIDED_AL2023, "function.handler", crashing,
                Map.of()), TIMEOUT);
        EventSourceMapping mapping = harness.createMapping("custom-crash", topic, r -> { });
        harness.produce(topic, 0, "x");
        InvocationRecord crashed = awaitRecord(mapping, InvocationOutcome.FUNCTION_ERROR);
        assertThat(JSON.readTree(crashed.response()).get("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(crashed.logs()).contains("custom runtime cannot start: missing configuration");
        assertThat(harness.committedOffset(mapping.uuid(), topic, 0)).isEqualTo(-1);
    }

    /**
     * ok-1, ok-2, ok-3 one batch each (warm: invocations 1, 2, 3), fail-once (error JSON, then retried), sleep-once
     * (timed out, retried in a new environment whose counter starts at 1); five records counted at the function. Then,
     * when {@code crashHandler} is given, a function that cannot init: its error JSON, and nothing committed.
     *
     * @return the last success
     */
    private InvocationRecord runScenario(LambdaRuntime runtime, String handler, String crashHandler, Path codeDir,
                                         String failErrorType, String initErrorType) throws Exception {
        Map<String, String> env = Map.of("MARKER_DIR", markers.toString());
        harness.register("fn", new RuntimeTarget(runtime, handler, codeDir, 256, env, null), TIMEOUT);
        String topic = TestTopics.unique(runtime.language().name().toLowerCase());
        broker.createTopic(topic, 1);
        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.batchSize(1));

        for (int i = 1; i <= 3; i++) {
            harness.produce(topic, 0, "ok-" + i);
            long committed = i;
            await().atMost(Duration.ofSeconds(60)).until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == committed);
        }
        List<JsonNode> responses = responses(mapping);
        assertThat(responses).extracting(r -> r.get("invocation").asInt()).containsExactly(1, 2, 3);
        InvocationRecord first = record(successes(mapping).get(0));
        assertThat(first.logs()).contains("Init Duration").contains("values ok-1").containsPattern("START RequestId: ")
                .containsPattern("REPORT RequestId: [0-9a-f-]+\tDuration: [0-9.]+ ms\tBilled Duration: \\d+ ms\tMemory Size: 256 MB");

        harness.produce(topic, 0, "fail-once");
        await().atMost(Duration.ofSeconds(60)).until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 4);
        InvocationRecord failed = awaitRecord(mapping, InvocationOutcome.FUNCTION_ERROR);
        JsonNode error = JSON.readTree(failed.response());
        assertThat(error.get("errorType").asText()).isEqualTo(failErrorType);
        assertThat(error.get("errorMessage").asText()).isEqualTo("boom fail-once");

        harness.produce(topic, 0, "sleep-once");
        await().atMost(Duration.ofSeconds(90)).until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 5);
        InvocationRecord timedOut = awaitRecord(mapping, InvocationOutcome.TIMED_OUT);
        assertThat(timedOut.logs()).contains("Task timed out after 3.00 seconds");
        JsonNode afterTimeout = responses(mapping).get(responses(mapping).size() - 1);
        assertThat(afterTimeout.get("values").get(0).asText()).isEqualTo("sleep-once");
        assertThat(afterTimeout.get("invocation").asInt()).as("the retry ran in a new environment").isEqualTo(1);
        assertThat(responses(mapping).stream().mapToInt(r -> r.get("records").asInt()).sum()).isEqualTo(5);

        if (crashHandler != null) {
            String crashTopic = TestTopics.unique("crash");
            broker.createTopic(crashTopic, 1);
            harness.register("crash", new RuntimeTarget(runtime, crashHandler, codeDir, 256, env, null), TIMEOUT);
            EventSourceMapping crashing = harness.createMapping("crash", crashTopic, r -> { });
            harness.produce(crashTopic, 0, "x");
            InvocationRecord crashed = awaitRecord(crashing, InvocationOutcome.FUNCTION_ERROR);
            assertThat(JSON.readTree(crashed.response()).get("errorType").asText()).isEqualTo(initErrorType);
            assertThat(crashed.logs()).contains("INIT_REPORT Init Duration").contains("init failed");
            assertThat(harness.committedOffset(crashing.uuid(), crashTopic, 0)).isEqualTo(-1);
        }
        List<InvocationSummary> successes = successes(mapping);
        return record(successes.get(successes.size() - 1));
    }

    private List<InvocationSummary> successes(EventSourceMapping mapping) {
        return harness.historyOldestFirst(mapping.uuid()).stream()
                .filter(s -> s.outcome() == InvocationOutcome.SUCCESS).toList();
    }

    private List<JsonNode> responses(EventSourceMapping mapping) {
        return successes(mapping).stream().map(s -> {
            try {
                return JSON.readTree(record(s).response());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private InvocationRecord record(InvocationSummary summary) {
        return harness.engine().history().get(summary.id()).orElseThrow();
    }

    private InvocationRecord awaitRecord(EventSourceMapping mapping, InvocationOutcome outcome) {
        await().atMost(Duration.ofSeconds(60)).until(() -> harness.historyOldestFirst(mapping.uuid()).stream()
                .anyMatch(s -> s.outcome() == outcome));
        return record(harness.historyOldestFirst(mapping.uuid()).stream().filter(s -> s.outcome() == outcome)
                .findFirst().orElseThrow());
    }

    private static void copy(String function, Path into) throws IOException, URISyntaxException {
        Path source = Path.of(RuntimeTargetsIT.class.getResource("/runtime-functions/" + function).toURI());
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, into.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
