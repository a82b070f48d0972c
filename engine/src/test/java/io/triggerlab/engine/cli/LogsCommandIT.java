package io.triggerlab.engine.cli;

import io.triggerlab.engine.Engine;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.LoggingConfig;
import io.triggerlab.engine.controlplane.mapping.SelfManagedEventSource;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
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

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code triggerlab logs UUID [--level] [--follow]} against a running engine whose trigger writes system logs. */
@ExtendWith(SharedKafkaBroker.class)
class LogsCommandIT {

    private final EmbeddedKafkaBroker broker;
    private Engine engine;

    LogsCommandIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void start(@TempDir Path dataDir) {
        engine = CliEngine.start(broker.bootstrapServers(), dataDir);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    /** {@code triggerlab logs UUID OPTIONS… --endpoint <the engine>}. */
    private String[] logs(String uuid, String... options) {
        List<String> args = new ArrayList<>(List.of("logs", uuid));
        args.addAll(List.of(options));
        args.addAll(List.of("--endpoint", engine.apiEndpoint().toString()));
        return args.toArray(String[]::new);
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

        CliRun all = CliRun.of(logs(mapping.uuid()));
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out().lines().toList().get(0)).isEqualTo(first.timestamp() + " " + first.logStreamName() + " "
                + first.message());
        assertThat(first.message()).startsWith("{\"eventType\":\"POLLER_STATUS_EVENT\",");

        CliRun warn = CliRun.of(logs(mapping.uuid(), "--level", "warn"));
        assertThat(warn.exitCode()).isZero();
        assertThat(warn.out()).as("no errors happened").isEmpty();

        CliRun bad = CliRun.of(logs(mapping.uuid(), "--level", "TRACE"));
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("InvalidParameterValueException: System log level 'TRACE' is not valid: use DEBUG, INFO or WARN");
    }

    @Test
    void logs_ofATriggerWithoutLoggingConfig_saysHowToSetOne() {
        EventSourceMapping mapping = mapping(null);
        CliRun run = CliRun.of(logs(mapping.uuid()));
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
        CompletableFuture<CliRun> following = CompletableFuture.supplyAsync(
                () -> CliRun.of(out, new StringWriter(), logs(mapping.uuid(), "--follow")));
        await().until(() -> out.toString().contains("POLLER_STATUS_EVENT"));
        engine.mappings().delete(mapping.uuid());

        CliRun run = following.get(60, TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).contains("/" + mapping.uuid() + " {\"eventType\":\"POLLER_STATUS_EVENT\"");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Trigger " + mapping.uuid() + " was deleted: no more system logs.");
    }
}
