package io.triggerlab.engine.invoke;

import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.LambdaInvokeTarget;
import io.triggerlab.engine.infra.sandbox.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaApiInvokerTest {

    private static final String FUNCTION = "orders-fn";
    /** A profile nobody has, so every test signs with the emulator fallback and never probes the machine's credentials. */
    private static final String NO_SUCH_PROFILE = "triggerlab-test-no-such-profile";
    private static final byte[] EVENT = ("{\"eventSource\":\"aws:kafka\",\"records\":{\"orders-0\":[{\"topic\":\"orders\","
            + "\"partition\":0,\"offset\":15,\"value\":\"w6s=\",\"headers\":[{\"h\":[-61,-85]}]}]},\"note\":\"ë ✓\"}")
            .getBytes(StandardCharsets.UTF_8);

    private FakeInvokeApi api;
    private LambdaApiInvoker invoker;

    @BeforeEach
    void startApi() throws IOException {
        api = new FakeInvokeApi(FUNCTION);
        invoker = new LambdaApiInvoker(function(api.endpoint(), null), Duration.ofMillis(200));
    }

    @AfterEach
    void stop() {
        invoker.close();
        api.close();
    }

    @Test
    void returnsTheFunctionsResponse_withDecodedLogTailAndExecutedVersion() {
        api.respondWith("{\"batchItemFailures\":[]}");

        InvocationResult result = invoker.invoke(request(EVENT, Duration.ofSeconds(3)));

        assertThat(result).isInstanceOf(InvocationResult.Success.class);
        InvocationResult.Success success = (InvocationResult.Success) result;
        assertThat(new String(success.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(success.executedVersion()).isEqualTo("$LATEST");
        assertThat(success.logs()).isEqualTo(FakeInvokeApi.LOG_TAIL);
        assertThat(success.duration()).isPositive();
    }

    @Test
    void sendsThePayloadByteForByte_asASynchronousInvokeWithLogTail() {
        invoker.invoke(request(EVENT, Duration.ofSeconds(3)));

        FakeInvokeApi.Received sent = api.lastRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/2015-03-31/functions/orders-fn/invocations");
        assertThat(sent.body()).isEqualTo(EVENT);
        assertThat(sent.headers().getFirst("X-Amz-Invocation-Type")).isEqualTo("RequestResponse");
        assertThat(sent.headers().getFirst("X-Amz-Log-Type")).isEqualTo("Tail");
    }

    @Test
    void sendsOnlyTheEvent_whenItIsTheStartOfALongerReusedBuffer() {
        byte[] buffer = Arrays.copyOf(EVENT, EVENT.length + 100);

        invoker.invoke(new InvocationRequest(EventPayload.view(buffer, EVENT.length), UUID.randomUUID().toString(),
                Duration.ofSeconds(3)));

        assertThat(api.lastRequest().body()).isEqualTo(EVENT);
    }

    @Test
    void sendsTheQualifier_whenTheTargetHasOne() throws IOException {
        LambdaInvokeTarget target = new LambdaInvokeTarget(api.endpoint(), FUNCTION, "live", "eu-west-1", NO_SUCH_PROFILE);
        try (LambdaApiInvoker qualified = new LambdaApiInvoker(definition(target), Duration.ofMillis(200))) {
            qualified.invoke(request(EVENT, Duration.ofSeconds(3)));
        }

        assertThat(api.lastRequest().query()).isEqualTo("Qualifier=live");
    }

    @Test
    void signsWithDummyCredentials_whenAnEmulatorEndpointIsSetAndNoCredentialsExist() {
        invoker.invoke(request(EVENT, Duration.ofSeconds(3)));

        assertThat(api.lastRequest().headers().getFirst("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=triggerlab-local/")
                .contains("/us-east-1/lambda/aws4_request");
    }

    @Test
    void reportsAFunctionError_withTheErrorBodyKept() {
        api.mode(FakeInvokeApi.Mode.FUNCTION_ERROR);

        InvocationResult result = invoker.invoke(request(EVENT, Duration.ofSeconds(3)));

        assertThat(result).isInstanceOf(InvocationResult.FunctionError.class);
        InvocationResult.FunctionError error = (InvocationResult.FunctionError) result;
        assertThat(error.functionError()).isEqualTo("Unhandled");
        assertThat(new String(error.payload(), StandardCharsets.UTF_8)).isEqualTo(FakeInvokeApi.FUNCTION_ERROR_BODY);
        assertThat(error.logs()).isEqualTo(FakeInvokeApi.LOG_TAIL);
    }

    @Test
    void reportsThrottled_whenTheApiAnswers429() {
        api.mode(FakeInvokeApi.Mode.THROTTLED);

        InvocationResult result = invoker.invoke(request(EVENT, Duration.ofSeconds(3)));

        assertThat(result).isInstanceOf(InvocationResult.Throttled.class);
        assertThat(((InvocationResult.Throttled) result).message())
                .isEqualTo("TooManyRequestsException (HTTP 429): Rate Exceeded. (Reason ConcurrentInvocationLimitExceeded)");
    }

    @Test
    void reportsPayloadTooLarge_whenTheApiAnswers413AsRealAwsDoes() {
        api.mode(FakeInvokeApi.Mode.TOO_LARGE);

        InvocationResult result = invoker.invoke(request(EVENT, Duration.ofSeconds(3)));

        assertThat(result).isInstanceOf(InvocationResult.PayloadTooLarge.class);
        assertThat(((InvocationResult.PayloadTooLarge) result).message()).isEqualTo("RequestEntityTooLargeException (HTTP 413): "
                + "Request must be smaller than 6291456 bytes for the InvokeFunction operation");
    }

    @Test
    void reportsTimedOutInLambdasWords_whenTheCallOutlivesTheFunctionTimeout() {
        api.mode(FakeInvokeApi.Mode.SLOW);

        InvocationResult result = invoker.invoke(request(EVENT, Duration.ofSeconds(1)));

        assertThat(result).isInstanceOf(InvocationResult.TimedOut.class);
        assertThat(((InvocationResult.TimedOut) result).message()).isEqualTo("Task timed out after 1.00 seconds");
        assertThat(result.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(Thread.currentThread().isInterrupted()).as("the caller's thread is left uninterrupted").isFalse();
    }

    @Test
    void invokesAgain_afterATimedOutCall() {
        api.mode(FakeInvokeApi.Mode.SLOW);
        invoker.invoke(request(EVENT, Duration.ofSeconds(1)));
        api.mode(FakeInvokeApi.Mode.SUCCESS);

        assertThat(invoker.invoke(request(EVENT, Duration.ofSeconds(3)))).isInstanceOf(InvocationResult.Success.class);
    }

    @Test
    void reportsTimedOut_whenTheRemoteSideTimedTheFunctionOut() {
        api.mode(FakeInvokeApi.Mode.REMOTE_TIMEOUT);

        InvocationResult result = invoker.invoke(request(EVENT, Duration.ofSeconds(3)));

        assertThat(result).isInstanceOf(InvocationResult.TimedOut.class);
        assertThat(((InvocationResult.TimedOut) result).message()).isEqualTo("Task timed out after 3.00 seconds");
        assertThat(result.logs()).isEqualTo(FakeInvokeApi.LOG_TAIL);
    }

    @Test
    void reportsInvokeFailed_whenTheFunctionDoesNotExistThere() throws IOException {
        LambdaInvokeTarget target = new LambdaInvokeTarget(api.endpoint(), "other-fn", null, "us-east-1", NO_SUCH_PROFILE);
        try (LambdaApiInvoker other = new LambdaApiInvoker(definition(target), Duration.ofMillis(200))) {
            InvocationResult result = other.invoke(request(EVENT, Duration.ofSeconds(3)));

            assertThat(result).isInstanceOf(InvocationResult.InvokeFailed.class);
            assertThat(((InvocationResult.InvokeFailed) result).message())
                    .isEqualTo("The Invoke API at endpoint " + api.endpoint() + " refused function 'other-fn': "
                            + "ResourceNotFoundException (HTTP 404): Function not found: /2015-03-31/functions/other-fn/invocations");
        }
    }

    @Test
    void reportsInvokeFailedNamingTheEndpoint_whenNothingListensThere() {
        URI closed = URI.create("http://127.0.0.1:" + FreePorts.pick());
        try (LambdaApiInvoker unreachable = new LambdaApiInvoker(function(closed, null), Duration.ofMillis(200))) {
            InvocationResult result = unreachable.invoke(request(EVENT, Duration.ofSeconds(3)));

            assertThat(result).isInstanceOf(InvocationResult.InvokeFailed.class);
            assertThat(((InvocationResult.InvokeFailed) result).message())
                    .startsWith("Could not connect to the Invoke API at endpoint " + closed + " for function 'orders-fn': "
                            + "connection refused.");
        }
    }

    @Test
    void reportsInvokeFailedNamingTheHost_whenTheHostIsUnknown() {
        URI unknown = URI.create("http://no-such-host.invalid:9001");
        try (LambdaApiInvoker unreachable = new LambdaApiInvoker(function(unknown, null), Duration.ofMillis(200))) {
            InvocationResult result = unreachable.invoke(request(EVENT, Duration.ofSeconds(3)));

            assertThat(result).isInstanceOf(InvocationResult.InvokeFailed.class);
            assertThat(((InvocationResult.InvokeFailed) result).message())
                    .startsWith("Could not reach the Invoke API at endpoint http://no-such-host.invalid:9001")
                    .contains("unknown host no-such-host.invalid");
        }
    }

    @Test
    void refusesAFunctionWhoseTargetIsNotTheInvokeApi() {
        FunctionDefinition command = new FunctionDefinition("cmd-fn",
                new io.triggerlab.engine.invoke.function.CommandTarget(java.util.List.of("cat"), null, null), null, "us-east-1", "000000000000");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LambdaApiInvoker(command))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Function 'cmd-fn' has a command target; the Invoke API invoker needs a lambda target");
    }

    private static FunctionDefinition function(URI endpoint, String qualifier) {
        return definition(new LambdaInvokeTarget(endpoint, FUNCTION, qualifier, "us-east-1", NO_SUCH_PROFILE));
    }

    private static FunctionDefinition definition(LambdaInvokeTarget target) {
        return new FunctionDefinition(FUNCTION, target, Duration.ofSeconds(3), "us-east-1", "000000000000");
    }

    private static InvocationRequest request(byte[] payload, Duration timeout) {
        return new InvocationRequest(payload, UUID.randomUUID().toString(), timeout);
    }
}
