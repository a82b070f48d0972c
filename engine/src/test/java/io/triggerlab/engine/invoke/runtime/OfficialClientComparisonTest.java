package io.triggerlab.engine.invoke.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.invoke.InvocationRequest;
import io.triggerlab.engine.invoke.InvocationResult;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.LambdaRuntime;
import io.triggerlab.engine.invoke.function.RuntimeTarget;
import io.triggerlab.engine.testing.OfficialNodeClient;
import io.triggerlab.testfunctions.RuntimeKafkaHandler;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Linux, where AWS's runtime interface clients run, the same handlers through AWS's client and through
 * TriggerLab's own give the same responses, the same error JSON and the same log lines (request ids, times and
 * durations aside).
 */
class OfficialClientComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT = "{\"eventSource\":\"SelfManagedKafka\",\"records\":{\"t-0\":[{\"value\":\"%s\"}]}}";

    @TempDir
    Path work;
    @TempDir
    Path markers;

    @Test
    void nodejs_awsLambdaRic_andTriggerLabsClient_agree() throws Exception {
        Path ric = OfficialNodeClient.installed().orElse(null);
        Assumptions.assumeTrue(ric != null, () -> "AWS's aws-lambda-ric is not available: " + OfficialNodeClient.whyMissing());
        Path code = Files.createDirectories(work.resolve("node"));
        copy("node", code);
        RuntimeHostSettings official = RuntimeHostSettings.in(work.resolve("official")).withNodeRicDirectory(ric);
        compare(LambdaRuntime.NODEJS_20, "index.handler", code, official);
    }

    @Test
    void java_awsTransport_andTriggerLabsTransport_agree() throws Exception {
        Assumptions.assumeTrue(JavaLaunchPlanner.jniLoads(), "AWS's Java client's JNI part loads on Linux only");
        Path classes = Path.of(RuntimeKafkaHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        compare(LambdaRuntime.JAVA_17, RuntimeKafkaHandler.class.getName() + "::handleRequest", classes,
                RuntimeHostSettings.in(work.resolve("official")));
    }

    private void compare(LambdaRuntime runtime, String handler, Path code, RuntimeHostSettings officialSettings)
            throws Exception {
        List<InvocationResult> official = run(officialSettings, runtime, handler, code, "official");
        List<InvocationResult> ours = run(RuntimeHostSettings.in(work.resolve("ours"))
                .withClients(RuntimeHostSettings.ClientChoice.TRIGGERLAB_ONLY), runtime, handler, code, "ours");

        assertThat(official.get(0).logs()).doesNotContain("TriggerLab's");
        assertThat(ours.get(0).logs()).contains("TriggerLab's");
        String oursAll = ours.stream().map(InvocationResult::logs).reduce("", String::concat);
        String officialAll = official.stream().map(InvocationResult::logs).reduce("", String::concat);
        // The function's lines in the same order; which invocation a line lands in may differ where AWS's Java client
        // writes its error log after reporting the error, through a stdout buffer it flushes later.
        assertThat(logLines(oursAll).stream().filter(l -> !isPlatformLine(l)).toList())
                .as("the function's log lines; ours:%n%s%nAWS's:%n%s", oursAll, officialAll)
                .isEqualTo(logLines(officialAll).stream().filter(l -> !isPlatformLine(l)).toList());
        for (int i = 0; i < official.size(); i++) {
            assertThat(ours.get(i).getClass()).isEqualTo(official.get(i).getClass());
            assertThat(comparable(body(ours.get(i)))).as("invocation %d", i).isEqualTo(comparable(body(official.get(i))));
            assertThat(logLines(ours.get(i).logs()).stream().filter(OfficialClientComparisonTest::isPlatformLine).toList())
                    .as("START/END/REPORT of invocation %d", i)
                    .isEqualTo(logLines(official.get(i).logs()).stream().filter(OfficialClientComparisonTest::isPlatformLine).toList());
        }
    }

    private List<InvocationResult> run(RuntimeHostSettings settings, LambdaRuntime runtime, String handler, Path code,
                                       String markerDir) throws Exception {
        Path dir = Files.createDirectories(markers.resolve(markerDir));
        FunctionDefinition fn = new FunctionDefinition("cmp", new RuntimeTarget(runtime, handler, code, 256,
                Map.of("MARKER_DIR", dir.toString()), null), Duration.ofSeconds(10), "us-east-1", "123456789012");
        List<InvocationResult> results = new ArrayList<>();
        try (RuntimeHost host = new RuntimeHost(settings, name -> Optional.empty(), Clock.systemUTC())) {
            for (String value : List.of("ok-1", "fail-once", "ok-2")) {
                String event = String.format(EVENT, java.util.Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
                results.add(host.invoke(fn, new InvocationRequest(event.getBytes(StandardCharsets.UTF_8),
                        UUID.randomUUID().toString(), fn.timeout())));
            }
        }
        return results;
    }

    private static byte[] body(InvocationResult result) {
        if (result instanceof InvocationResult.Success s) {
            return s.payload();
        }
        return ((InvocationResult.FunctionError) result).payload();
    }

    /** The JSON with stack frames' line:column positions and request ids masked; frames of the clients themselves dropped. */
    private static JsonNode comparable(byte[] body) throws Exception {
        String text = new String(body, StandardCharsets.UTF_8)
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
        JsonNode node = JSON.readTree(text);
        for (String traceField : List.of("trace", "stackTrace")) {
            if (node.has(traceField) && node.get(traceField).isArray()) {
                List<String> userFrames = new ArrayList<>();
                node.get(traceField).forEach(f -> {
                    if (!f.asText().contains("node:internal") && !f.asText().contains("aws-lambda-ric")
                            && !f.asText().contains("triggerlab-ric") && !f.asText().contains("com.amazonaws")
                            && !f.asText().contains("java.base") && !f.asText().contains("io.triggerlab.engine")) {
                        userFrames.add(f.asText());
                    }
                });
                ((com.fasterxml.jackson.databind.node.ObjectNode) node).putPOJO(traceField, userFrames);
            }
        }
        return JSON.readTree(JSON.writeValueAsString(node));
    }

    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NUMBERS = Pattern.compile("\\d+(\\.\\d+)?( ms| MB)");

    /** The function's own lines and Lambda's frame, with times, ids and measurements masked; the client line dropped. */
    private static List<String> logLines(String logs) {
        return Stream.of(logs.split("\n"))
                .filter(l -> !l.startsWith("INIT_START"))
                .map(l -> NUMBERS.matcher(ID.matcher(TIME.matcher(l).replaceAll("<time>")).replaceAll("<id>")).replaceAll("<n>$2"))
                .map(l -> l.replaceAll("\tMax Memory Used: <n> MB", ""))
                .map(OfficialClientComparisonTest::userFramesOnly)
                .filter(l -> !l.isBlank())
                .toList();
    }

    private static boolean isPlatformLine(String line) {
        return line.startsWith("START RequestId") || line.startsWith("END RequestId") || line.startsWith("REPORT RequestId");
    }

    /** A logged Node.js error keeps the stack frames of the function's own code; the clients' frames differ by design. */
    private static String userFramesOnly(String line) {
        int json = line.indexOf("\t{\"errorType\"");
        if (json < 0) {
            return line;
        }
        try {
            com.fasterxml.jackson.databind.node.ObjectNode error =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(line.substring(json + 1));
            List<String> frames = new ArrayList<>();
            error.path("stack").forEach(f -> {
                if (!f.asText().startsWith("    at ") || f.asText().contains("/node/index.mjs")) {
                    frames.add(f.asText());
                }
            });
            error.putPOJO("stack", frames);
            return line.substring(0, json + 1) + JSON.writeValueAsString(error);
        } catch (Exception e) {
            return line;
        }
    }

    private static void copy(String function, Path into) throws Exception {
        Path source = Path.of(OfficialClientComparisonTest.class.getResource("/runtime-functions/" + function).toURI());
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, into.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
