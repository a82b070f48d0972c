package io.triggerlab.engine.cli;

import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.infra.cluster.BootstrapBrokers;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.cluster.TestRecord;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.invoke.function.RuntimeTarget;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code triggerlab sam import} end to end: a SAM template with a real Python handler ({@code def handler(event,
 * context)}) is imported through the CLI and the engine's API, the MSK event becomes a trigger on the embedded broker,
 * and the records produced are counted where the handler wrote them.
 */
@ExtendWith(SharedKafkaBroker.class)
class SamImportIT {

    private static final String HANDLER = """
            import base64, os
            def handler(event, context):
                with open(os.environ["OUT_FILE"], "a") as out:
                    for records in event["records"].values():
                        for record in records:
                            out.write(base64.b64decode(record["value"]).decode() + "\\n")
                return {"handled": sum(len(r) for r in event["records"].values())}
            """;

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Topic:
                Type: String
              OutFile:
                Type: String
              ClusterArn:
                Type: String
                Default: arn:aws:kafka:eu-west-1:111122223333:cluster/prod-msk/00000000-0000-0000-0000-000000000000-1
              BatchSize:
                Type: Number
                Default: 10
            Globals:
              Function:
                Runtime: python3.12
                Timeout: 20
            Resources:
              Counter:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/
                  Handler: app.handler
                  Environment:
                    Variables:
                      OUT_FILE: !Ref OutFile
                  Layers:
                    - arn:aws:lambda:eu-west-1:111122223333:layer:shared:3
                  Events:
                    Orders:
                      Type: MSK
                      Properties:
                        Stream: !Ref ClusterArn
                        Topics: [!Ref Topic]
                        StartingPosition: TRIM_HORIZON
                        BatchSize: !Ref BatchSize
                        MaximumBatchingWindowInSeconds: 0
            """;

    private final EmbeddedKafkaBroker broker;
    private Engine engine;
    private String endpoint;

    SamImportIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void start(@TempDir Path dataDir) {
        engine = Engine.start(EngineConfig.defaults(dataDir).withApiPort(0).withExternalBootstrap(broker.bootstrapServers()));
        endpoint = engine.apiEndpoint().toString();
        engine.clusters().register(new KafkaCluster("arn:aws:kafka:" + engine.config().region() + ":"
                + engine.config().accountId() + ":cluster/local-msk/11111111-2222-3333-4444-555555555555-1",
                "local-msk", BootstrapBrokers.plaintextOnly(broker.bootstrapServers())));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void importsATemplateWhosePythonHandlerReceivesTheRecords(@TempDir Path project) throws IOException {
        String topic = TestTopics.unique("sam-import");
        broker.createTopic(topic, 1);
        Path out = project.resolve("received.txt");
        Files.createDirectories(project.resolve("src"));
        Files.writeString(project.resolve("src/app.py"), HANDLER);
        Path template = Files.writeString(project.resolve("template.yaml"), TEMPLATE);
        engine.producer().send(topic, IntStream.rangeClosed(1, 5)
                .mapToObj(i -> new TestRecord(0, null, ("order-" + i).getBytes(StandardCharsets.UTF_8), List.of()))
                .toList());

        Run imported = run("sam", "import", template.toString(), "--param", "Topic=" + topic,
                "--param", "OutFile=" + out, "--endpoint", endpoint);

        assertThat(imported.exitCode()).as(imported.err()).isEqualTo(TriggerLabCli.EXIT_USAGE);
        assertThat(imported.out()).contains("created   Counter")
                .contains("python3.12 app.handler in " + project.resolve("src"))
                .contains("created   Counter.Events.Orders")
                .contains("Counter ← " + topic + " on cluster local-msk")
                .contains("Not imported (1):")
                .contains("Counter (line 27): Layers are not mapped");
        assertThat(engine.functions().findByName("Counter").orElseThrow().target()).isInstanceOf(RuntimeTarget.class);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(lines(out))
                .containsExactly("order-1", "order-2", "order-3", "order-4", "order-5"));

        Run again = run("sam", "import", template.toString(), "--param", "Topic=" + topic,
                "--param", "OutFile=" + out, "--param", "BatchSize=5", "--endpoint", endpoint);

        assertThat(again.out()).contains("unchanged Counter").contains("updated   Counter.Events.Orders")
                .contains("(changed BatchSize)");
        assertThat(engine.mappings().all()).singleElement().extracting(EventSourceMapping::batchSize).isEqualTo(5);
    }

    @Test
    void anUnreadableTemplateFailsWithItsLine(@TempDir Path project) throws IOException {
        Path template = Files.writeString(project.resolve("template.yaml"), "Resources:\n  Fn:\n    Type: [unclosed\n");

        Run run = run("sam", "import", template.toString(), "--endpoint", endpoint);

        assertThat(run.exitCode()).isEqualTo(TriggerLabCli.EXIT_USAGE);
        assertThat(run.err()).startsWith("triggerlab: InvalidParameterValueException: template.yaml line 4: not valid YAML");
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
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
}
