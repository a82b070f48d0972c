package io.triggerlab.engine.cli;

import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.LoggingConfig;
import io.triggerlab.engine.controlplane.mapping.SelfManagedEventSource;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.observe.systemlog.SystemLogEntry;
import io.triggerlab.engine.observe.systemlog.SystemLogLevel;
import io.triggerlab.engine.observe.systemlog.SystemLogQuery;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code triggerlab logs UUID [--level] [--follow]} against a running engine whose trigger writes system logs. */
@ExtendWith(SharedKafkaBroker.class)
class LogsCommandIT {

    private final EmbeddedKafkaBroker broker;
    private Engine engine;
    private String endpoint;

    LogsCommandIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void start(@TempDir Path dataDir) {
        engine = Engine.start(EngineConfig.defaults(dataDir).withApiPort(0).withExternalBootstrap(broker.bootstrapServers()));
        endpoint = engine.apiEndpoint().toString();
        engine.functions().register(new FunctionDefinition("cat", new CommandTarget(List.of("cat"), null, null),
                Duration.ofSeconds(10), engine.config().region(), engine.config().accountId()));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        return run(new StringWriter(), new StringWriter(), args);
    }

    private Run run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = new TriggerLabCli(new CliEnvironment(Map.of(), "/home/nobody")).commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private EventSourceMapping mapping(LoggingConfig logging) {
        String topic = TestTopics.unique("cli-logs");
        broker.createTopic(topic, 2);
        return engine.mappings().create(CreateEventSourceMappingRequest.builder()
                .functionName("cat").topics(List.of(topic)).startingPosition("LATEST").loggingConfig(logging)
                .selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(List.of(broker.bootstrapServers())))
                .build());
    }

    private List<SystemLogEntry> kept(String uuid) {
        return engine.client().systemLogs(new SystemLogQuery(uuid, 0, SystemLogLevel.DEBUG, 100));
    }

    @Test
    void logs_printsEachEventAsTimeStreamAndJson_andFiltersByLevel() {
        EventSourceMapping mapping = mapping(new LoggingConfig("INFO"));
        List<SystemLogEntry> events = await().until(() -> kept(mapping.uuid()), list -> !list.isEmpty());
        SystemLogEntry first = events.get(0);

        Run all = run("logs", mapping.uuid(), "--endpoint", endpoint);
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out().lines().toList().get(0)).isEqualTo(first.timestamp() + " " + first.logStreamName() + " "
                + first.message());
        assertThat(first.message()).startsWith("{\"eventType\":\"POLLER_STATUS_EVENT\",");

        Run warn = run("logs", mapping.uuid(), "--level", "warn", "--endpoint", endpoint);
        assertThat(warn.exitCode()).isZero();
        assertThat(warn.out()).as("no errors happened").isEmpty();

        Run bad = run("logs", mapping.uuid(), "--level", "TRACE", "--endpoint", endpoint);
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("InvalidParameterValueException: System log level 'TRACE' is not valid: use DEBUG, INFO or WARN");
    }

    @Test
    void logs_ofATriggerWithoutLoggingConfig_saysHowToSetOne() {
        EventSourceMapping mapping = mapping(null);
        Run run = run("logs", mapping.uuid(), "--endpoint", endpoint);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Trigger " + mapping.uuid() + " has no LoggingConfig, so it writes no system logs. "
                + "Set one: aws lambda update-event-source-mapping --uuid " + mapping.uuid()
                + " --logging-config SystemLogLevel=INFO");
    }

    @Test
    void follow_printsWhatComes_untilTheTriggerIsDeleted() throws Exception {
        EventSourceMapping mapping = mapping(new LoggingConfig("DEBUG"));
        await().until(() -> kept(mapping.uuid()), list -> !list.isEmpty());

        StringWriter out = new StringWriter();
        CompletableFuture<Run> following = CompletableFuture.supplyAsync(
                () -> run(out, new StringWriter(), "logs", mapping.uuid(), "--follow", "--endpoint", endpoint));
        await().until(() -> out.toString().contains("POLLER_STATUS_EVENT"));
        engine.mappings().delete(mapping.uuid());

        Run run = following.get(60, TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).contains("/" + mapping.uuid() + " {\"eventType\":\"POLLER_STATUS_EVENT\"");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Trigger " + mapping.uuid() + " was deleted: no more system logs.");
    }
}
