package io.triggerlab.engine.invoke;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.JavaHandlerTarget;
import io.triggerlab.testfunctions.KafkaRecordsHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class JavaHandlerInvokerTest {

    private static final String TEST_FUNCTIONS = "io.triggerlab.testfunctions.";
    /** Lambda's MSK event with a header of signed bytes ("ë" is [-61,-85]) and a field KafkaEvent does not know. */
    private static final String KAFKA_EVENT = """
            {"eventSource":"aws:kafka","eventSourceArn":"arn:aws:kafka:us-east-1:123456789012:cluster/demo/abc",
             "bootstrapServers":"b-1.demo:9092","futureAwsField":{"x":1},
             "records":{"orders-0":[{"topic":"orders","partition":0,"offset":15,"timestamp":1545084650987,
               "timestampType":"CREATE_TIME","key":"b3JkZXItMQ==","value":"eyJxdHkiOjJ9",
               "headers":[{"origin":[99,97,102,-61,-87]}]}]}}
            """;

    private final ObjectMapper json = new ObjectMapper();
    private final List<JavaHandlerInvoker> invokers = new ArrayList<>();

    @AfterEach
    void closeInvokers() {
        invokers.forEach(JavaHandlerInvoker::close);
    }

    @Test
    void kafkaHandler_readsRecordsIntoItsOwnKafkaEventClass_andAnswersWithAJsonString() throws Exception {
        JavaHandlerInvoker invoker = invoker("orders-fn", TEST_FUNCTIONS + "KafkaRecordsHandler");

        InvocationResult result = invoker.invoke(request(KAFKA_EVENT, Duration.ofSeconds(3)));

        assertThat(result).isInstanceOf(InvocationResult.Success.class);
        assertThat(payloadText(result)).isEqualTo("\"orders-0@15 order-1={\\\"qty\\\":2} [origin=café]\"");
        ClassLoader functionLoader = invoker.classLoader();
        assertThat(functionLoader.loadClass(KafkaRecordsHandler.class.getName()).getClassLoader()).isSameAs(functionLoader);
        assertThat(functionLoader.loadClass(KafkaEvent.class.getName()).getClassLoader()).isSameAs(functionLoader);
    }

    @Test
    void functionClassLoader_sharesLambdasCoreInterfaces_butHidesTheEnginesLibraries() throws Exception {
        ClassLoader functionLoader = invoker("iso-fn", TEST_FUNCTIONS + "MapHandler").classLoader();

        assertThat(functionLoader.loadClass(Context.class.getName())).isSameAs(Context.class);
        assertThatThrownBy(() -> functionLoader.loadClass(ObjectMapper.class.getName()))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void loggerLines_landInTheLogs_betweenStartAndReport() {
        String requestId = UUID.randomUUID().toString();

        InvocationResult result = invoker("orders-fn", TEST_FUNCTIONS + "KafkaRecordsHandler")
                .invoke(new InvocationRequest(KAFKA_EVENT.getBytes(StandardCharsets.UTF_8), requestId, Duration.ofSeconds(3)));

        assertThat(result.logs().lines().toList())
                .startsWith("START RequestId: " + requestId + " Version: $LATEST", "got 1 records from aws:kafka",
                        "END RequestId: " + requestId);
        assertThat(result.logs().lines().toList().get(3))
                .matches("REPORT RequestId: " + requestId + "\tDuration: [0-9]+\\.[0-9]{2} ms\tBilled Duration: [0-9]+ ms\tMemory Size: 128 MB");
    }

    @Test
    void mapHandler_getsTheEventAsAMap_andAnswersWithJson() throws Exception {
        InvocationResult result = invoker("map-fn", TEST_FUNCTIONS + "MapHandler").invoke(request(KAFKA_EVENT, Duration.ofSeconds(3)));

        JsonNode answer = json.readTree(((InvocationResult.Success) result).payload());
        assertThat(answer.get("eventSource").asText()).isEqualTo("aws:kafka");
        assertThat(answer.get("partitions").toString()).isEqualTo("[\"orders-0\"]");
    }

    @Test
    void streamHandler_echoesThePayloadByteForByte() {
        InvocationResult result = invoker("echo-fn", TEST_FUNCTIONS + "EchoStreamHandler").invoke(request(KAFKA_EVENT, Duration.ofSeconds(3)));

        assertThat(((InvocationResult.Success) result).payload()).isEqualTo(KAFKA_EVENT.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void handlersReadOnlyTheEvent_whenItIsTheStartOfALongerReusedBuffer() throws Exception {
        byte[] event = KAFKA_EVENT.getBytes(StandardCharsets.UTF_8);
        byte[] buffer = Arrays.copyOf(event, event.length + 100);
        Arrays.fill(buffer, event.length, buffer.length, (byte) '}'); // an earlier, longer event's leftovers
        EventPayload view = EventPayload.view(buffer, event.length);

        InvocationResult echoed = invoker("echo-fn", TEST_FUNCTIONS + "EchoStreamHandler")
                .invoke(new InvocationRequest(view, UUID.randomUUID().toString(), Duration.ofSeconds(3)));
        InvocationResult mapped = invoker("map-fn", TEST_FUNCTIONS + "MapHandler")
                .invoke(new InvocationRequest(view, UUID.randomUUID().toString(), Duration.ofSeconds(3)));

        assertThat(((InvocationResult.Success) echoed).payload()).isEqualTo(event);
        assertThat(json.readTree(((InvocationResult.Success) mapped).payload()).get("partitions").toString())
                .isEqualTo("[\"orders-0\"]");
    }

    @Test
    void throwingHandler_becomesAnUnhandledFunctionError_shapedLikeLambdasJavaRuntime() throws Exception {
        InvocationResult result = invoker("fail-fn", TEST_FUNCTIONS + "ThrowingHandler").invoke(request(KAFKA_EVENT, Duration.ofSeconds(3)));

        assertThat(result).isInstanceOf(InvocationResult.FunctionError.class);
        InvocationResult.FunctionError error = (InvocationResult.FunctionError) result;
        assertThat(error.functionError()).isEqualTo("Unhandled");
        JsonNode body = json.readTree(error.payload());
        assertThat(body.get("errorMessage").asText()).isEqualTo("cannot process offset 15");
        assertThat(body.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(body.get("stackTrace").get(0).asText())
                .startsWith("io.triggerlab.testfunctions.ThrowingHandler.handleRequest(ThrowingHandler.java:");
        assertThat(body.get("stackTrace").toString()).doesNotContain("io.triggerlab.engine");
        assertThat(body.at("/cause/errorType").asText()).isEqualTo("java.io.UncheckedIOException");
        assertThat(body.at("/cause/cause/errorMessage").asText()).isEqualTo("disk full");
        assertThat(error.logs()).contains("about to fail", "\"errorMessage\":\"cannot process offset 15\"");
    }

    @Test
    void slowHandler_timesOutInLambdasWords_andItsThreadIsInterrupted() {
        JavaHandlerInvoker invoker = invoker("slow-fn", TEST_FUNCTIONS + "SlowHandler::waitForInterrupt");

        InvocationResult result = invoker.invoke(request(KAFKA_EVENT, Duration.ofSeconds(1)));

        assertThat(result).isInstanceOf(InvocationResult.TimedOut.class);
        assertThat(((InvocationResult.TimedOut) result).message()).isEqualTo("Task timed out after 1.00 seconds");
        assertThat(result.logs()).contains("waiting for a batch that never ends", "Task timed out after 1.00 seconds");
        await().until(() -> Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().startsWith("fn-slow-fn-invoke-"))
                .noneMatch(thread -> Arrays.stream(thread.getValue()).anyMatch(f -> f.getClassName().endsWith("SlowHandler"))));
    }

    @Test
    void context_carriesLambdasNames_andTheRemainingTimeDecreases() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-01-31T10:15:30Z"), ZoneOffset.UTC);
        JavaHandlerInvoker invoker = register(new JavaHandlerInvoker(function("probe-fn", TEST_FUNCTIONS + "ContextProbe::probe"), clock));
        String requestId = UUID.randomUUID().toString();

        InvocationResult result = invoker.invoke(new InvocationRequest("{}".getBytes(StandardCharsets.UTF_8), requestId, Duration.ofSeconds(3)));

        JsonNode seen = json.readTree(((InvocationResult.Success) result).payload());
        assertThat(seen.get("requestId").asText()).isEqualTo(requestId);
        assertThat(seen.get("functionName").asText()).isEqualTo("probe-fn");
        assertThat(seen.get("functionVersion").asText()).isEqualTo("$LATEST");
        assertThat(seen.get("invokedFunctionArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:probe-fn");
        assertThat(seen.get("memoryLimitInMB").asInt()).isEqualTo(128);
        assertThat(seen.get("logGroupName").asText()).isEqualTo("/aws/lambda/probe-fn");
        assertThat(seen.get("logStreamName").asText()).matches("2026/01/31/\\[\\$LATEST][0-9a-f]{32}");
        int first = seen.get("remainingFirst").asInt();
        assertThat(first).isBetween(1, 3000);
        assertThat(seen.get("remainingSecond").asInt()).isLessThan(first);
    }

    @Test
    void handlerInstance_isReusedAcrossWarmInvocations() throws Exception {
        JavaHandlerInvoker invoker = invoker("count-fn", TEST_FUNCTIONS + "CountingHandler");

        invoker.invoke(request("{}", Duration.ofSeconds(3)));
        InvocationResult second = invoker.invoke(request("{}", Duration.ofSeconds(3)));

        assertThat(payloadText(second)).isEqualTo("2");
    }

    @Test
    void staticMethodWithAStringParameter_getsAJsonStringsValue_orTheJsonTextOfAnObject() throws Exception {
        JavaHandlerInvoker invoker = invoker("upper-fn", TEST_FUNCTIONS + "StaticHandlers::upperCase");

        assertThat(payloadText(invoker.invoke(request("\"abc\"", Duration.ofSeconds(3))))).isEqualTo("\"ABC\"");
        assertThat(payloadText(invoker.invoke(request("{\"a\":1}", Duration.ofSeconds(3))))).isEqualTo("\"{\\\"A\\\":1}\"");
    }

    @Test
    void methodWithoutParameters_isCalled() throws Exception {
        InvocationResult result = invoker("ping-fn", TEST_FUNCTIONS + "StaticHandlers::ping").invoke(request("{}", Duration.ofSeconds(3)));

        assertThat(payloadText(result)).isEqualTo("\"pong\"");
    }

    @Test
    void missingHandlerClass_isAnInvokeFailureSayingWhatToCheck() {
        InvocationResult result = invoker("missing-fn", TEST_FUNCTIONS + "NoSuchHandler").invoke(request("{}", Duration.ofSeconds(3)));

        assertThat(result).isInstanceOf(InvocationResult.InvokeFailed.class);
        assertThat(((InvocationResult.InvokeFailed) result).message())
                .startsWith("Handler class io.triggerlab.testfunctions.NoSuchHandler was not found on the function's classpath "
                        + "(function 'missing-fn', handler 'io.triggerlab.testfunctions.NoSuchHandler', classpath [");
    }

    @Test
    void missingHandlerMethod_isAnInvokeFailureListingTheAcceptedSignatures() {
        InvocationResult result = invoker("nomethod-fn", TEST_FUNCTIONS + "MapHandler::nope").invoke(request("{}", Duration.ofSeconds(3)));

        assertThat(((InvocationResult.InvokeFailed) result).message())
                .startsWith("Class io.triggerlab.testfunctions.MapHandler has no public method 'nope' taking "
                        + "(InputStream, OutputStream[, Context]), (input[, Context]) or ()");
    }

    @Test
    void malformedEvent_isAFunctionError_likeLambdasJsonParsingError() throws Exception {
        InvocationResult result = invoker("map-fn", TEST_FUNCTIONS + "MapHandler").invoke(request("not json", Duration.ofSeconds(3)));

        JsonNode body = json.readTree(((InvocationResult.FunctionError) result).payload());
        assertThat(body.get("errorMessage").asText()).isEqualTo("An error occurred during JSON parsing");
        assertThat(body.get("errorType").asText()).isEqualTo("java.lang.RuntimeException");
        assertThat(body.at("/cause/errorType").asText()).isEqualTo("com.fasterxml.jackson.core.JsonParseException");
    }

    @Test
    void closedInvoker_reportsInvokeFailed() {
        JavaHandlerInvoker invoker = invoker("closed-fn", TEST_FUNCTIONS + "MapHandler");
        invoker.close();

        InvocationResult result = invoker.invoke(request("{}", Duration.ofSeconds(3)));

        assertThat(((InvocationResult.InvokeFailed) result).message()).isEqualTo("The invoker of function 'closed-fn' is closed");
    }

    private JavaHandlerInvoker invoker(String name, String handler) {
        return register(new JavaHandlerInvoker(function(name, handler)));
    }

    private JavaHandlerInvoker register(JavaHandlerInvoker invoker) {
        invokers.add(invoker);
        return invoker;
    }

    /** The user's classpath: the compiled test functions and their own copy of aws-lambda-java-events. */
    private static FunctionDefinition function(String name, String handler) {
        List<Path> classpath = List.of(locationOf(KafkaRecordsHandler.class), locationOf(KafkaEvent.class));
        return new FunctionDefinition(name, new JavaHandlerTarget(classpath, handler), Duration.ofSeconds(3), "us-east-1", "123456789012");
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvocationRequest request(String payload, Duration timeout) {
        return new InvocationRequest(payload.getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString(), timeout);
    }

    private static String payloadText(InvocationResult result) {
        assertThat(result).isInstanceOf(InvocationResult.Success.class);
        return new String(((InvocationResult.Success) result).payload(), StandardCharsets.UTF_8);
    }
}
