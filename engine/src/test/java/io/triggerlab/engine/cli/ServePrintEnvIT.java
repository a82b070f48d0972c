package io.triggerlab.engine.cli;

import io.triggerlab.engine.testing.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve --print-env}: what a pytest, Jest or Go test sources to reach the engine (issue 21.4). */
class ServePrintEnvIT {

    private static final Pattern EXPORT = Pattern.compile("export ([A-Z_]+)='([^']*)'");
    private static final Pattern LOG_LINE = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ");

    @TempDir
    Path dataDirectory;

    @Test
    void printsOnlyShellExportsThatReachTheRunningEngine() throws Exception {
        try (JavaProcess serve = JavaProcess.start(TriggerLabCli.class.getName(), List.of("serve", "--data-dir",
                dataDirectory.toString(), "--api-port", "0", "--print-env"), Map.of())) {
            serve.awaitStdout(TestEnvironment.READY::equals, Duration.ofSeconds(90));

            // The engine's own logback.xml logs to standard error; the tests' logback-test.xml logs to standard output,
            // so its lines are told apart here by their timestamp. Nothing else may be there: a script sources it.
            List<String> stdout = serve.stdout().stream().filter(line -> !LOG_LINE.matcher(line).lookingAt()).toList();
            assertThat(stdout.get(stdout.size() - 1)).isEqualTo(TestEnvironment.READY);
            Map<String, String> env = new LinkedHashMap<>();
            for (String line : stdout.subList(0, stdout.size() - 1)) {
                Matcher export = EXPORT.matcher(line);
                assertThat(export.matches()).as("a line of standard output: %s", line).isTrue();
                env.put(export.group(1), export.group(2));
            }
            assertThat(env).containsKeys("TRIGGERLAB_API_ENDPOINT", "AWS_ENDPOINT_URL_LAMBDA", "AWS_REGION",
                    "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "TRIGGERLAB_BOOTSTRAP_SERVERS",
                    "TRIGGERLAB_SANDBOX_CLUSTER_ARN");
            assertThat(env.get("AWS_ENDPOINT_URL_LAMBDA")).isEqualTo(env.get("TRIGGERLAB_API_ENDPOINT"));
            assertThat(env.get("TRIGGERLAB_SANDBOX_CLUSTER_ARN")).startsWith("arn:aws:kafka:us-east-1:000000000000:cluster/");
            assertThat(serve.stderr()).anyMatch(line -> line.startsWith("Kafka bootstrap servers: "
                    + env.get("TRIGGERLAB_BOOTSTRAP_SERVERS")));

            HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(env.get("TRIGGERLAB_API_ENDPOINT") + "/2015-03-31/event-source-mappings/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("\"EventSourceMappings\":[]");
        }
    }
}
