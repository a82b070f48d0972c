package io.triggerlab.engine.cli;

import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.SelfManagedEventSource;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The CLI's client commands (function, produce, history) against a running engine and the shared broker. */
@ExtendWith(SharedKafkaBroker.class)
class EngineClientCommandsIT {

    private final EmbeddedKafkaBroker broker;
    private Engine engine;
    private String endpoint;

    EngineClientCommandsIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void start(@TempDir Path dataDir) {
        engine = Engine.start(EngineConfig.defaults(dataDir).withApiPort(0).withExternalBootstrap(broker.bootstrapServers()));
        endpoint = engine.apiEndpoint().toString();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new TriggerLabCli(new CliEnvironment(Map.of(), "/home/nobody")).commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void registersACommandFunction_producesRecords_andShowsTheInvocationsInTheHistory(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("fn.sh");
        Files.writeString(script, "#!/bin/sh\ncat > /dev/null\necho '{\"ok\":true}'\n");
        Run added = run("function", "add", "cli-fn", "--timeout", "5", "--endpoint", endpoint, "--", "sh", script.toString());
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("Registered arn:aws:lambda:us-east-1:000000000000:function:cli-fn");
        assertThat(run("function", "list", "--endpoint", endpoint).out()).contains("cli-fn").contains("command");

        String topic = TestTopics.unique("cli");
        broker.createTopic(topic, 1);
        EventSourceMapping mapping = engine.mappings().create(CreateEventSourceMappingRequest.builder()
                .functionName("cli-fn").topics(List.of(topic)).startingPosition("TRIM_HORIZON")
                .selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(List.of(broker.bootstrapServers())))
                .build());

        Run produced = run("produce", "--bootstrap-servers", broker.bootstrapServers(), "--topic", topic,
                "--key", "k", "--header", "source=cli", "one", "two");
        assertThat(produced.exitCode()).as(produced.err()).isZero();
        assertThat(produced.out()).contains("Sent " + topic + "-0 offset 0").contains("Sent " + topic + "-0 offset 1");

        await().until(() -> run("history", "--mapping", mapping.uuid(), "--endpoint", endpoint).out().contains("SUCCESS"));
        String listing = run("history", "--mapping", mapping.uuid(), "--endpoint", endpoint).out();
        String id = listing.lines().filter(l -> l.contains("SUCCESS")).findFirst().orElseThrow().split("\\s+")[0];
        Run shown = run("history", "show", id, "--endpoint", endpoint);
        assertThat(shown.out()).contains("\"eventSource\" : \"SelfManagedKafka\"").contains("\"source\" : [ 99, 108, 105 ]")
                .contains("\"ok\" : true");

        Run removed = run("function", "remove", "cli-fn", "--endpoint", endpoint);
        assertThat(removed.out()).contains("Removed cli-fn");
    }

    @Test
    void saysWhatToDo_whenNoEngineAnswers() {
        Run run = run("function", "list", "--endpoint", "http://127.0.0.1:1");
        assertThat(run.exitCode()).isEqualTo(TriggerLabCli.EXIT_USAGE);
        assertThat(run.err()).contains("No TriggerLab engine answers at http://127.0.0.1:1")
                .contains("triggerlab serve");
    }

    @Test
    void refusesAnInvalidFunction_withTheEnginesMessage() {
        Run run = run("function", "add", "bad name!", "--endpoint", endpoint, "--", "true");
        assertThat(run.exitCode()).isEqualTo(TriggerLabCli.EXIT_USAGE);
        assertThat(run.err()).contains("bad name!");
        assertThat(run("function", "list", "--endpoint", endpoint).out()).doesNotContain("bad name!");
    }

    @Test
    void importsAnMskClusterByArn_throughTheApi_andListsIt() throws Exception {
        String arn = "arn:aws:kafka:eu-west-1:123456789012:cluster/payments/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6-2";
        com.sun.net.httpserver.HttpServer msk = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        msk.createContext("/v1/clusters/", exchange -> {
            byte[] body = "{\"bootstrapBrokerStringSaslIam\":\"b-1.payments:9098\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        msk.start();
        try {
            Run imported = run("cluster", "import", arn, "--msk-endpoint", "http://127.0.0.1:" + msk.getAddress().getPort(),
                    "--endpoint", endpoint);
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("Imported " + arn);
            assertThat(run("cluster", "list", "--endpoint", endpoint).out()).contains(arn).contains("b-1.payments:9098");
            assertThat(engine.clusters().find(arn)).isPresent();
        } finally {
            msk.stop(0);
        }
    }
}
