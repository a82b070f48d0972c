package io.triggerlab.engine.invoke.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.invoke.InvocationRequest;
import io.triggerlab.engine.invoke.InvocationResult;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.LambdaRuntime;
import io.triggerlab.engine.invoke.function.RuntimeTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime host with real runtime processes (TriggerLab's Python bootstrap, a shell bootstrap), without Kafka: the
 * Runtime API contract, warm reuse, errors, timeouts, crashes and bad input. The trigger-driven ITs are in
 * {@code RuntimeTargetsIT}.
 */
class RuntimeHostTest {

    static final String PYTHON_HANDLER = """
            import logging, os, time
            count = 0
            print("init ran")
            def handler(event, context):
                global count
                count += 1
                print("invocation", count, context.function_name, context.memory_limit_in_mb)
                logging.getLogger().warning("warned %s", context.aws_request_id)
                if event.get("fail"):
                    raise ValueError("boom")
                if event.get("sleep"):
                    time.sleep(event["sleep"])
                if event.get("exit"):
                    os._exit(3)
                if event.get("big"):
                    return "x" * 7000000
                return {"count": count, "remaining": context.get_remaining_time_in_millis() > 0,
                        "arn": context.invoked_function_arn, "region": os.environ["AWS_REGION"]}
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;
    @TempDir
    Path code;
    private RuntimeHost host;

    @BeforeEach
    void setUp() {
        host = new RuntimeHost(RuntimeHostSettings.in(work).withInitTimeout(Duration.ofSeconds(5))
                .withClients(RuntimeHostSettings.ClientChoice.TRIGGERLAB_ONLY), name -> Optional.empty(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    private FunctionDefinition python(String handler, Duration timeout) throws Exception {
        Files.writeString(code.resolve("app.py"), PYTHON_HANDLER);
        return new FunctionDefinition("py-fn", new RuntimeTarget(LambdaRuntime.PYTHON_3_12, handler, code, 256,
                Map.of("STAGE", "test"), null), timeout, "us-east-1", "123456789012");
    }

    private InvocationResult invoke(FunctionDefinition function, String event) {
        return host.invoke(function, new InvocationRequest(event.getBytes(StandardCharsets.UTF_8),
                UUID.randomUUID().toString(), function.timeout()));
    }

    private static JsonNode json(byte[] body) throws Exception {
        return JSON.readTree(body);
    }

    @Test
    void python_initsOnce_thenServesWarmInvocations_withLambdasContextAndLogLines() throws Exception {
        FunctionDefinition fn = python("app.handler", Duration.ofSeconds(5));

        InvocationResult first = invoke(fn, "{}");
        InvocationResult second = invoke(fn, "{}");
        InvocationResult third = invoke(fn, "{}");

        assertThat(first).as(first.logs()).isInstanceOf(InvocationResult.Success.class);
        assertThat(json(((InvocationResult.Success) first).payload()).get("count").asInt()).isEqualTo(1);
        assertThat(json(((InvocationResult.Success) second).payload()).get("count").asInt()).isEqualTo(2);
        JsonNode last = json(((InvocationResult.Success) third).payload());
        assertThat(last.get("count").asInt()).isEqualTo(3);
        assertThat(last.get("remaining").asBoolean()).isTrue();
        assertThat(last.get("arn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:py-fn");
        assertThat(first.logs()).contains("INIT_START Runtime Version: python3.12").contains("init ran\n")
                .contains("invocation 1 py-fn 256").contains("[WARNING]\t").contains("Init Duration: ")
                .containsPattern("START RequestId: [0-9a-f-]+ Version: \\$LATEST")
                .containsPattern("REPORT RequestId: [0-9a-f-]+\tDuration: [0-9.]+ ms\tBilled Duration: \\d+ ms\tMemory Size: 256 MB");
        assertThat(first.logs().indexOf("init ran")).isLessThan(first.logs().indexOf("START RequestId"));
        assertThat(second.logs()).doesNotContain("Init Duration").doesNotContain("INIT_START").contains("invocation 2");
        assertThat(host.environmentCount("py-fn")).isEqualTo(1);
    }

    @Test
    void python_thrownError_isAwslambdaricsErrorJson_andTheEnvironmentStaysWarm() throws Exception {
        FunctionDefinition fn = python("app.handler", Duration.ofSeconds(5));

        InvocationResult failed = invoke(fn, "{\"fail\":true}");
        InvocationResult after = invoke(fn, "{}");

        assertThat(failed).isInstanceOf(InvocationResult.FunctionError.class);
        JsonNode error = json(((InvocationResult.FunctionError) failed).payload());
        assertThat(error.get("errorType").asText()).isEqualTo("ValueError");
        assertThat(error.get("errorMessage").asText()).isEqualTo("boom");
        assertThat(error.get("requestId").asText()).isNotEmpty();
        assertThat(error.get("stackTrace").get(0).asText()).contains("app.py").contains("in handler");
        assertThat(failed.logs()).contains("[ERROR] ValueError: boom\rTraceback (most recent call last):");
        assertThat(json(((InvocationResult.Success) after).payload()).get("count").asInt()).isEqualTo(2);
    }

    @Test
    void python_timeout_killsTheEnvironment_andTheNextInvocationStartsCold() throws Exception {
        FunctionDefinition fn = python("app.handler", Duration.ofSeconds(1));

        InvocationResult timedOut = invoke(fn, "{\"sleep\":30}");
        InvocationResult next = invoke(fn, "{}");

        assertThat(timedOut).isInstanceOf(InvocationResult.TimedOut.class);
        assertThat(((InvocationResult.TimedOut) timedOut).message()).isEqualTo("Task timed out after 1.00 seconds");
        assertThat(timedOut.logs()).contains("Task timed out after 1.00 seconds\nEND RequestId");
        assertThat(json(((InvocationResult.Success) next).payload()).get("count").asInt()).isEqualTo(1);
        assertThat(next.logs()).contains("Init Duration");
    }

    @Test
    void python_crash_isRuntimeExitError() throws Exception {
        FunctionDefinition fn = python("app.handler", Duration.ofSeconds(5));

        InvocationResult crashed = invoke(fn, "{\"exit\":true}");

        assertThat(crashed).isInstanceOf(InvocationResult.FunctionError.class);
        JsonNode error = json(((InvocationResult.FunctionError) crashed).payload());
        assertThat(error.get("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(error.get("errorMessage").asText()).endsWith("Error: Runtime exited with error: exit status 3");
        assertThat(json(((InvocationResult.Success) invoke(fn, "{}")).payload()).get("count").asInt()).isEqualTo(1);
    }

    @Test
    void python_handlerNotFound_isAnInitError() throws Exception {
        FunctionDefinition fn = python("app.missing", Duration.ofSeconds(5));

        InvocationResult result = invoke(fn, "{}");

        assertThat(result).isInstanceOf(InvocationResult.FunctionError.class);
        JsonNode error = json(((InvocationResult.FunctionError) result).payload());
        assertThat(error.get("errorType").asText()).isEqualTo("Runtime.HandlerNotFound");
        assertThat(error.get("errorMessage").asText()).isEqualTo("Handler 'missing' missing on module 'app'");
        assertThat(result.logs()).contains("INIT_REPORT Init Duration").contains("Error Type: Runtime.HandlerNotFound");
    }

    @Test
    void responseOver6Mb_isFunctionResponseSizeTooLarge() throws Exception {
        FunctionDefinition fn = python("app.handler", Duration.ofSeconds(10));

        InvocationResult result = invoke(fn, "{\"big\":true}");

        assertThat(result).isInstanceOf(InvocationResult.FunctionError.class);
        JsonNode error = json(((InvocationResult.FunctionError) result).payload());
        assertThat(error.get("errorType").asText()).isEqualTo("Function.ResponseSizeTooLarge");
        assertThat(error.get("errorMessage").asText())
                .isEqualTo("Response payload size exceeded maximum allowed payload size (6291556 bytes).");
    }

    @Test
    void missingCodeDirectory_isAClearError() {
        FunctionDefinition fn = new FunctionDefinition("gone", new RuntimeTarget(LambdaRuntime.PYTHON_3_12, "app.handler",
                code.resolve("nope"), Map.of()), null, "us-east-1", "123456789012");

        InvocationResult result = invoke(fn, "{}");

        assertThat(result).isInstanceOf(InvocationResult.InvokeFailed.class);
        assertThat(((InvocationResult.InvokeFailed) result).message()).startsWith("The code of function 'gone' is missing: ")
                .endsWith("does not exist. Point --code at the directory (or .zip/.jar) holding the handler.");
    }

    @Test
    void customBootstrap_notExecutable_isAClearError() throws Exception {
        Files.writeString(code.resolve("bootstrap"), "#!/bin/sh\n");
        FunctionDefinition fn = new FunctionDefinition("custom", new RuntimeTarget(LambdaRuntime.PROVIDED_AL2023,
                "function.handler", code, Map.of()), null, "us-east-1", "123456789012");

        InvocationResult result = invoke(fn, "{}");

        assertThat(((InvocationResult.InvokeFailed) result).message()).isEqualTo("The custom runtime's bootstrap "
                + code.resolve("bootstrap") + " is not executable: run chmod +x " + code.resolve("bootstrap")
                + " (Lambda needs the same).");
    }

    @Test
    void runtimeThatNeverCallsNext_isStoppedAfterTheInitLimit() throws Exception {
        Path bootstrap = code.resolve("bootstrap");
        Files.writeString(bootstrap, "#!/bin/sh\necho 'I do not speak the Runtime API'\nexec sleep 60\n");
        bootstrap.toFile().setExecutable(true);
        host.close();
        host = new RuntimeHost(RuntimeHostSettings.in(work).withInitTimeout(Duration.ofSeconds(1)), name -> Optional.empty(),
                Clock.systemUTC());
        FunctionDefinition fn = new FunctionDefinition("mute", new RuntimeTarget(LambdaRuntime.PROVIDED_AL2,
                "function.handler", code, Map.of()), null, "us-east-1", "123456789012");

        InvocationResult result = invoke(fn, "{}");

        assertThat(((InvocationResult.InvokeFailed) result).message()).startsWith("Function 'mute' (provided.al2, the "
                + "function's bootstrap (custom runtime)) did not ask for an invocation (GET "
                + "/2018-06-01/runtime/invocation/next) within 1 s of starting");
        assertThat(result.logs()).contains("I do not speak the Runtime API").contains("Status: timeout");
    }
}
