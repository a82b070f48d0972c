package io.triggerlab.engine.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * A headless engine ({@code triggerlab serve}) in a JVM of its own, on its own data directory, polling the suite's
 * broker; driven through its local Lambda API like any client would. {@link #kill()} is {@code kill -9}.
 */
final class EngineProcess implements AutoCloseable {

    private static final Pattern API_LINE = Pattern.compile("Lambda API: (http://\\S+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String name;
    private final Path dataDir;
    private final String bootstrap;
    private final Path logDir;
    private int starts;
    private Process process;
    private URI api;

    EngineProcess(String name, Path dataDir, String bootstrap, Path logDir) {
        this.name = name;
        this.dataDir = dataDir;
        this.bootstrap = bootstrap;
        this.logDir = logDir;
    }

    /** Starts {@code serve} and waits until its API answers. */
    EngineProcess start() {
        Path log = logDir.resolve(name + "-" + (++starts) + ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "io.triggerlab.engine.cli.TriggerLabCli", "serve", "--data-dir", dataDir.toString(),
                "--bootstrap-servers", bootstrap, "--api-port", "0");
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start engine process " + name, e);
        }
        await("engine " + name + " to print its API endpoint in " + log).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> apiEndpointIn(log).isPresent() || !process.isAlive());
        api = apiEndpointIn(log).orElseThrow(() -> new IllegalStateException("Engine " + name
                + " ended before it started; see " + log));
        return this;
    }

    private static Optional<URI> apiEndpointIn(Path log) {
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        try {
            Matcher m = API_LINE.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
            return m.find() ? Optional.of(URI.create(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + log, e);
        }
    }

    /** {@code kill -9}: no shutdown hook, no commit, no clean close of anything. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** {@code kill} (SIGTERM): the engine's shutdown hook stops the pollers cleanly. */
    void stop() {
        process.toHandle().destroy();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    void registerFunction(String function, URI endpoint, int timeoutSeconds) {
        call("POST", "/triggerlab/v1/functions", "{\"name\":\"" + function + "\",\"timeoutSeconds\":" + timeoutSeconds
                + ",\"target\":{\"kind\":\"lambda\",\"functionName\":\"" + function + "\",\"endpoint\":\"" + endpoint
                + "\",\"region\":\"us-east-1\"}}", 201);
    }

    /** Creates a self-managed mapping in consumer group {@code group}; returns its UUID. */
    String createMapping(String function, String topic, String group, int batchSize) {
        String body = call("POST", "/2015-03-31/event-source-mappings/", "{\"FunctionName\":\"" + function
                + "\",\"Topics\":[\"" + topic + "\"],\"StartingPosition\":\"TRIM_HORIZON\",\"BatchSize\":" + batchSize
                + ",\"MaximumBatchingWindowInSeconds\":0"
                + ",\"SelfManagedEventSource\":{\"Endpoints\":{\"KAFKA_BOOTSTRAP_SERVERS\":[\"" + bootstrap + "\"]}}"
                + ",\"SelfManagedKafkaEventSourceConfig\":{\"ConsumerGroupId\":\"" + group + "\"}}", 202);
        Matcher m = Pattern.compile("\"UUID\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("No UUID in " + body);
        }
        return m.group(1);
    }

    void setEnabled(String uuid, boolean enabled) {
        call("PUT", "/2015-03-31/event-source-mappings/" + uuid, "{\"Enabled\":" + enabled + "}", 202);
    }

    String state(String uuid) {
        String body = call("GET", "/2015-03-31/event-source-mappings/" + uuid, null, 200);
        Matcher m = Pattern.compile("\"State\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        return m.find() ? m.group(1) : "?";
    }

    void awaitState(String uuid, String state) {
        await("mapping " + uuid + " on " + name + " to be " + state).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).until(() -> state.equals(state(uuid)));
    }

    private String call(String method, String path, String json, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(method + " " + path + " on engine " + name + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " on engine " + name + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public void close() {
        if (alive()) {
            kill();
        }
    }
}
