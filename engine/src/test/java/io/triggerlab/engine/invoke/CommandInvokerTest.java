package io.triggerlab.engine.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

class CommandInvokerTest {

    private static final String EVENT = "{\"eventSource\":\"aws:kafka\",\"records\":{\"orders-0\":[{\"offset\":15},{\"offset\":16}]}}";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void passesTheEventOnStdin_andReturnsStdout_evenForA5MegabytePayload() {
        byte[] big = fiveMegabytesOfJson();

        InvocationResult result = invoke(List.of("cat"), big, Duration.ofSeconds(30));

        assertThat(result).isInstanceOf(InvocationResult.Success.class);
        assertThat(((InvocationResult.Success) result).payload()).isEqualTo(big);
    }

    @Test
    void sendsOnlyTheEventOnStdin_whenItIsTheStartOfALongerReusedBuffer() {
        byte[] event = bytes(EVENT);
        byte[] buffer = Arrays.copyOf(event, event.length + 100); // zeros after it: an earlier event's room
        CommandInvoker invoker = new CommandInvoker(function("cmd-fn", List.of("cat")));

        InvocationResult result = invoker.invoke(new InvocationRequest(EventPayload.view(buffer, event.length),
                UUID.randomUUID().toString(), Duration.ofSeconds(10)));

        assertThat(((InvocationResult.Success) result).payload()).isEqualTo(event);
    }

    @Test
    void stderrBecomesTheLog_betweenStartAndReport() {
        String requestId = UUID.randomUUID().toString();
        CommandInvoker invoker = new CommandInvoker(function("log-fn", sh("echo 'processing 2 records' >&2; echo ok")));

        InvocationResult result = invoker.invoke(new InvocationRequest(bytes(EVENT), requestId, Duration.ofSeconds(10)));

        assertThat(result.logs().lines().toList()).startsWith("START RequestId: " + requestId + " Version: $LATEST",
                "processing 2 records", "END RequestId: " + requestId);
        assertThat(result.logs().lines().toList().get(3)).startsWith("REPORT RequestId: " + requestId + "\tDuration: ");
        assertThat(text(((InvocationResult.Success) result).payload())).isEqualTo("ok\n");
    }

    @Test
    void stdoutThatIsNotJson_isStillTheResponse() {
        InvocationResult result = invoke(sh("cat > /dev/null; printf 'all good'"), bytes(EVENT), Duration.ofSeconds(10));

        assertThat(text(((InvocationResult.Success) result).payload())).isEqualTo("all good");
    }

    @Test
    void nonZeroExit_isAnUnhandledFunctionError_inLambdasRuntimeExitWords() throws Exception {
        String requestId = UUID.randomUUID().toString();
        CommandInvoker invoker = new CommandInvoker(function("exit-fn", sh("echo 'bad record' >&2; exit 3")));

        InvocationResult result = invoker.invoke(new InvocationRequest(bytes(EVENT), requestId, Duration.ofSeconds(10)));

        assertThat(result).isInstanceOf(InvocationResult.FunctionError.class);
        InvocationResult.FunctionError error = (InvocationResult.FunctionError) result;
        assertThat(error.functionError()).isEqualTo("Unhandled");
        JsonNode body = json.readTree(error.payload());
        assertThat(body.get("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(body.get("errorMessage").asText())
                .isEqualTo("RequestId: " + requestId + " Error: Runtime exited with error: exit status 3");
        assertThat(error.logs()).contains("bad record", "exit status 3");
    }

    @Test
    void nonZeroExit_withLambdasErrorObjectOnStdout_keepsThatObject() {
        String errorObject = "{\"errorMessage\":\"offset 16 is poison\",\"errorType\":\"PoisonRecord\"}";

        InvocationResult result = invoke(sh("printf '%s' '" + errorObject + "'; exit 1"), bytes(EVENT), Duration.ofSeconds(10));

        assertThat(text(((InvocationResult.FunctionError) result).payload())).isEqualTo(errorObject);
    }

    @Test
    void programNotFound_isAnInvokeFailureNamingTheProgram() {
        InvocationResult result = invoke(List.of("/no/such/program"), bytes(EVENT), Duration.ofSeconds(10));

        assertThat(result).isInstanceOf(InvocationResult.InvokeFailed.class);
        assertThat(((InvocationResult.InvokeFailed) result).message())
                .startsWith("Could not start the command '/no/such/program' for function 'cmd-fn': Cannot run program \"/no/such/program\"")
                .contains("Check that the program exists");
    }

    @Test
    void programThatIgnoresItsInput_stillSucceeds() {
        InvocationResult result = invoke(sh("echo done"), fiveMegabytesOfJson(), Duration.ofSeconds(30));

        assertThat(text(((InvocationResult.Success) result).payload())).isEqualTo("done\n");
    }

    @Test
    void runsWithLambdasEnvironment_plusTheTargetsOwnVariables_inItsWorkingDirectory(@TempDir Path workDir) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-01-31T10:00:00Z"), ZoneOffset.UTC);
        CommandTarget target = new CommandTarget(sh("printf '%s|%s|%s|%s|%s|%s' \"$AWS_LAMBDA_FUNCTION_NAME\" \"$AWS_REGION\" "
                + "\"$TRIGGERLAB_REQUEST_ID\" \"$TRIGGERLAB_DEADLINE_MS\" \"$GREETING\" \"$(pwd -P)\""), workDir, Map.of("GREETING", "hi"));
        CommandInvoker invoker = new CommandInvoker(new FunctionDefinition("env-fn", target, null, "eu-west-1", "123456789012"), clock);

        InvocationResult result = invoker.invoke(new InvocationRequest(bytes(EVENT), "req-1", Duration.ofSeconds(10)));

        assertThat(text(((InvocationResult.Success) result).payload())).isEqualTo("env-fn|eu-west-1|req-1|"
                + (clock.millis() + 10_000) + "|hi|" + workDir.toRealPath());
    }

    @Test
    void programPastItsTimeout_isKilledWithItsChildren_andTimesOutInLambdasWords() {
        InvocationResult result = invoke(sh("echo \"pids $$\" >&2; sleep 300 & echo \"child $!\" >&2; wait"),
                bytes(EVENT), Duration.ofSeconds(1));

        assertThat(result).isInstanceOf(InvocationResult.TimedOut.class);
        assertThat(((InvocationResult.TimedOut) result).message()).isEqualTo("Task timed out after 1.00 seconds");
        assertThat(result.logs()).contains("Task timed out after 1.00 seconds");
        long shell = pidAfter("pids ", result.logs());
        long sleeper = pidAfter("child ", result.logs());
        await().until(() -> isGone(shell) && isGone(sleeper));
    }

    @Test
    void pythonScript_readsTheEventAndAnswersWithJson(@TempDir Path dir) throws Exception {
        assumeThat(onPath("python3")).as("python3 on the PATH").isTrue();
        Path script = Files.writeString(dir.resolve("handler.py"), """
                import json, sys
                event = json.load(sys.stdin)
                records = [r for rs in event["records"].values() for r in rs]
                print(f"got {len(records)} records", file=sys.stderr)
                json.dump({"batchItemFailures": [], "count": len(records)}, sys.stdout)
                """);

        InvocationResult result = invoke(List.of("python3", script.toString()), bytes(EVENT), Duration.ofSeconds(30));

        assertThat(text(((InvocationResult.Success) result).payload())).isEqualTo("{\"batchItemFailures\": [], \"count\": 2}");
        assertThat(result.logs()).contains("got 2 records");
    }

    private static InvocationResult invoke(List<String> command, byte[] payload, Duration timeout) {
        CommandInvoker invoker = new CommandInvoker(function("cmd-fn", command));
        return invoker.invoke(new InvocationRequest(payload, UUID.randomUUID().toString(), timeout));
    }

    private static FunctionDefinition function(String name, List<String> command) {
        return new FunctionDefinition(name, new CommandTarget(command, null, null), null, "us-east-1", "123456789012");
    }

    private static List<String> sh(String script) {
        return List.of("sh", "-c", script);
    }

    private static byte[] fiveMegabytesOfJson() {
        StringBuilder event = new StringBuilder("{\"records\":[");
        for (int i = 0; event.length() < 5 * 1024 * 1024; i++) {
            event.append(i == 0 ? "" : ",").append("{\"offset\":").append(i).append(",\"value\":\"dmFsdWUt").append(i % 97).append("\"}");
        }
        return bytes(event.append("]}").toString());
    }

    private static long pidAfter(String label, String logs) {
        Matcher matcher = Pattern.compile(label + "([0-9]+)").matcher(logs);
        assertThat(matcher.find()).as(label + "pid in the logs").isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** Gone, or a zombie waiting for a reaper: either way it no longer runs. */
    private static boolean isGone(long pid) throws Exception {
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        if (!Files.exists(stat)) {
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }
        String content = Files.readString(stat);
        return content.substring(content.lastIndexOf(')') + 2).startsWith("Z");
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
