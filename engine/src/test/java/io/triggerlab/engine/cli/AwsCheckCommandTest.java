package io.triggerlab.engine.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code triggerlab aws-check} against a loopback stand-in for the engine's API answering a fixed report. */
class AwsCheckCommandTest {

    private static final String UUID = "0c6f2d1e-5b7a-4f3e-8d9c-1a2b3c4d5e6f";
    private static final String REPORT = "{\"mappingUuid\":\"" + UUID + "\",\"functionName\":\"fn\",\"wouldPass\":false,"
            + "\"findings\":[{\"code\":\"FILTER_ON_METADATA\",\"severity\":\"WOULD_BE_REJECTED\","
            + "\"message\":\"Filter 1 of FilterCriteria matches on partition.\",\"whatToDo\":\"Match on value only.\","
            + "\"readingOfAws\":true},"
            + "{\"code\":\"DEFAULT_BATCHING_WINDOW_500_MS\",\"severity\":\"BEHAVES_DIFFERENTLY\","
            + "\"message\":\"MaximumBatchingWindowInSeconds is not set.\",\"whatToDo\":\"Set it.\",\"readingOfAws\":false}]}";

    private final HttpServer api = startApi();
    private final StringWriter out = new StringWriter();

    @AfterEach
    void stop() {
        api.stop(0);
    }

    @Test
    void labelsTheFindingsThatAreTriggerLabsReading_only() {
        CommandLine cli = new TriggerLabCli(new CliEnvironment(Map.of(), "/home/nobody")).commandLine();
        cli.setOut(new PrintWriter(out, true));

        int code = cli.execute("aws-check", UUID, "--endpoint", "http://127.0.0.1:" + api.getAddress().getPort());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString().lines().toList()).containsExactly(
                "REJECTED   FILTER_ON_METADATA (TriggerLab's reading of AWS): Filter 1 of FilterCriteria matches on partition.",
                "           What to do: Match on value only.",
                "DIFFERENT  DEFAULT_BATCHING_WINDOW_500_MS: MaximumBatchingWindowInSeconds is not set.",
                "           What to do: Set it.",
                "Would not pass on AWS as it is.");
    }

    private static HttpServer startApi() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/triggerlab/v1/aws-check", exchange -> {
                byte[] body = REPORT.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the stand-in API on loopback", e);
        }
    }
}
