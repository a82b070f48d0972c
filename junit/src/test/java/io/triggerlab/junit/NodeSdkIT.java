package io.triggerlab.junit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The other-languages path (issue 21.4) where Node exists: examples/node-sdk's node:test suite drives this engine
 * with the AWS SDK for JavaScript, installed as its package-lock.json pins into target/ by this test.
 */
@TriggerLabTest
class NodeSdkIT {

    private static final Path EXAMPLE = Path.of("..", "examples", "node-sdk").toAbsolutePath().normalize();
    private static final Path INSTALL = Path.of("target", "node-sdk").toAbsolutePath();

    @Test
    void aNodeTestDrivesTheEngineWithTheAwsSdk(TriggerLab lab) throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "Node and npm are not installed here");
        Files.createDirectories(INSTALL);
        for (String file : List.of("package.json", "package-lock.json", "trigger.test.mjs")) {
            Files.copy(EXAMPLE.resolve(file), INSTALL.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        // npm ci installs exactly what package-lock.json pins.
        assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), 300))
                .as("npm ci").isZero();

        lab.function("node-echo", EchoHandler.class);
        lab.createTopic("node-orders", 1);
        lab.produce("node-orders", "{\"id\":1}", "{\"id\":2}");

        Map<String, String> env = Map.of(
                "AWS_ENDPOINT_URL_LAMBDA", lab.apiEndpoint(),
                "AWS_REGION", lab.client().config().region(),
                "AWS_ACCESS_KEY_ID", "triggerlab",
                "AWS_SECRET_ACCESS_KEY", "triggerlab",
                "TRIGGERLAB_SANDBOX_CLUSTER_ARN", lab.client().clusters().get(0).clusterArn(),
                "TRIGGER_FUNCTION", "node-echo",
                "TRIGGER_TOPIC", "node-orders");
        assertThat(run(List.of("node", "--test", "trigger.test.mjs"), env, 180)).as("node --test").isZero();
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(java.io.File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /** Runs a command in the install directory; its output goes to this test's report. */
    private static int run(List<String> command, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(INSTALL.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        System.out.println(String.join(" ", command) + ":\n" + output);
        if (!exited) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
