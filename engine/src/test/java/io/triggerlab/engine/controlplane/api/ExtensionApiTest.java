package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.history.PartitionRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** TriggerLab's extension API under /triggerlab/v1/: functions, clusters and the invocation history. */
class ExtensionApiTest {

    private static final String API = "/triggerlab/v1/";

    private ApiFixture fixture;

    @BeforeEach
    void start() {
        fixture = new ApiFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private HttpResponse<String> put(String path, String body) {
        return fixture.send("PUT", path, body, "Content-Type", "application/json");
    }

    private void assertError(HttpResponse<String> response, int status, String errorType, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue(errorType);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(fixture.json(response).get("message").asText()).isEqualTo(message);
        assertThat(fixture.json(response).get("Message").asText()).isEqualTo(message);
    }

    @Test
    void functions_registerGetUpdateListAndRemove() {
        HttpResponse<String> created = fixture.postJson(API + "functions", "{\"name\":\"orders-fn\",\"timeoutSeconds\":30,"
                + "\"target\":{\"kind\":\"command\",\"command\":[\"python3\",\"handler.py\"],\"workingDirectory\":\"/src\","
                + "\"environment\":{\"STAGE\":\"dev\"}}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode fn = fixture.json(created);
        assertThat(fn.get("functionArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:orders-fn");
        assertThat(fn.get("timeoutSeconds").asInt()).isEqualTo(30);
        assertThat(fn.get("target").get("command").toString()).isEqualTo("[\"python3\",\"handler.py\"]");
        assertThat(fn.get("target").get("environment").get("STAGE").asText()).isEqualTo("dev");

        HttpResponse<String> updated = put(API + "functions/orders-fn", "{\"target\":{\"kind\":\"java\","
                + "\"classpath\":[\"/app/fn.jar\"],\"handler\":\"com.example.Handler::handleRequest\"}}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode got = fixture.json(fixture.send("GET", API + "functions/orders-fn", null));
        assertThat(got.get("target").get("kind").asText()).isEqualTo("java");
        assertThat(got.get("target").get("handler").asText()).isEqualTo("com.example.Handler::handleRequest");
        assertThat(got.get("timeoutSeconds").asInt()).as("absent timeout is the default").isEqualTo(3);
        assertThat(fixture.functions.findByName("orders-fn")).isPresent();

        JsonNode list = fixture.json(fixture.send("GET", API + "functions", null));
        assertThat(list.get("functions").findValuesAsText("name")).containsExactly("my-function", "orders-fn");

        HttpResponse<String> removed = fixture.send("DELETE", API + "functions/orders-fn", null);
        assertThat(fixture.json(removed).get("name").asText()).isEqualTo("orders-fn");
        assertError(fixture.send("GET", API + "functions/orders-fn", null), 404, "ResourceNotFoundException",
                "Function 'orders-fn' is not registered: register it with POST /triggerlab/v1/functions");
    }

    @Test
    void functions_registerARuntimeTarget_andReadItBack() {
        HttpResponse<String> created = fixture.postJson(API + "functions", "{\"name\":\"py-fn\",\"timeoutSeconds\":10,"
                + "\"target\":{\"kind\":\"runtime\",\"runtime\":\"python3.12\",\"handler\":\"app.handler\","
                + "\"code\":\"src\",\"memorySize\":256,\"environment\":{\"STAGE\":\"dev\"}}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        JsonNode target = fixture.json(fixture.send("GET", API + "functions/py-fn", null)).get("target");
        assertThat(target.get("kind").asText()).isEqualTo("runtime");
        assertThat(target.get("runtime").asText()).isEqualTo("python3.12");
        assertThat(target.get("handler").asText()).isEqualTo("app.handler");
        assertThat(target.get("code").asText()).isEqualTo("src");
        assertThat(target.get("memorySize").asInt()).isEqualTo(256);
        assertThat(target.get("environment").get("STAGE").asText()).isEqualTo("dev");
        assertThat(target.get("debugging").get("enabled").asBoolean()).isFalse();
    }

    @Test
    void functions_refuseDuplicatesAndBadTargets_withSpecificMessages() {
        String lambda = "{\"name\":\"my-function\",\"target\":{\"kind\":\"lambda\",\"functionName\":\"fn\","
                + "\"endpoint\":\"http://127.0.0.1:3001\",\"region\":\"us-east-1\"}}";
        assertError(fixture.postJson(API + "functions", lambda), 409, "ResourceConflictException",
                "Function 'my-function' is already registered: change it with PUT /triggerlab/v1/functions/my-function, "
                        + "or DELETE it first");
        assertError(fixture.postJson(API + "functions", "{\"name\":\"x\",\"target\":{\"kind\":\"docker\"}}"), 400,
                "InvalidParameterValueException", "target.kind 'docker' is not valid: use runtime (a Lambda runtime: "
                        + "Python, Node.js, Java or a custom bootstrap), lambda (Lambda's Invoke API), java (a handler "
                        + "in this JVM) or command (any executable)");
        assertError(fixture.postJson(API + "functions", "{\"name\":\"x\",\"target\":{\"kind\":\"runtime\","
                        + "\"runtime\":\"python2.7\",\"handler\":\"app.handler\",\"code\":\"src\"}}"), 400,
                "InvalidParameterValueException", "Runtime 'python2.7' is not supported: use one of python3.9, "
                        + "python3.10, python3.11, python3.12, python3.13, nodejs18.x, nodejs20.x, nodejs22.x, java17, "
                        + "java21, provided.al2023, provided.al2");
        assertError(fixture.postJson(API + "functions", "{\"name\":\"bad name!\",\"target\":{\"kind\":\"command\","
                        + "\"command\":[\"true\"]}}"), 400, "InvalidParameterValueException",
                "Function name 'bad name!' is not valid: 1 to 64 letters, digits, hyphens or underscores");
        assertError(fixture.postJson(API + "functions", "{\"name\":\"x\",\"timeoutSeconds\":\"30\",\"target\":{}}"),
                400, "SerializationException", "Value \"30\" at 'timeoutSeconds' cannot be converted to an Integer: "
                        + "send a whole JSON number, e.g. 100, not the string \"30\"");
        assertError(put(API + "functions/my-function", "{\"name\":\"renamed\",\"target\":{\"kind\":\"command\","
                        + "\"command\":[\"true\"]}}"), 400, "InvalidParameterValueException",
                "The body's name 'renamed' differs from the URL's 'my-function': a function cannot be renamed; remove "
                        + "it and register it under the new name");
        assertError(fixture.send("PATCH", API + "functions/my-function", "{}"), 405, "MethodNotAllowedException",
                "The method PATCH is not allowed on /triggerlab/v1/functions/my-function: use GET or PUT or DELETE");
        assertThat(fixture.functions.list()).hasSize(1);
    }

    @Test
    void clusters_registerByName_listGetAndRemove_byEncodedArn() {
        HttpResponse<String> created = fixture.postJson(API + "clusters",
                "{\"clusterName\":\"payments\",\"bootstrapServers\":\"127.0.0.1:19092\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String arn = fixture.json(created).get("clusterArn").asText();
        assertThat(arn).matches("arn:aws:kafka:us-east-1:123456789012:cluster/payments/[0-9a-f-]{36}");
        assertThat(fixture.json(created).get("bootstrapBrokers").get("plaintext").asText()).isEqualTo("127.0.0.1:19092");

        JsonNode list = fixture.json(fixture.send("GET", API + "clusters", null));
        assertThat(list.get("clusters").findValuesAsText("clusterName")).containsExactly("orders-cluster", "payments");

        String encoded = URLEncoder.encode(arn, StandardCharsets.UTF_8);
        assertThat(fixture.json(fixture.send("GET", API + "clusters/" + encoded, null)).get("clusterName").asText())
                .isEqualTo("payments");
        HttpResponse<String> refreshed = fixture.postJson(API + "clusters", "{\"clusterArn\":\"" + arn
                + "\",\"bootstrapBrokers\":{\"plaintext\":\"127.0.0.1:29092\",\"tls\":\"127.0.0.1:29094\"}}");
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(fixture.clusters.find(arn).orElseThrow().bootstrapBrokers().tls()).isEqualTo("127.0.0.1:29094");

        assertThat(fixture.send("DELETE", API + "clusters/" + encoded, null).statusCode()).isEqualTo(200);
        assertThat(fixture.clusters.find(arn)).isEmpty();
        assertError(fixture.send("GET", API + "clusters/" + encoded, null), 404, "ResourceNotFoundException",
                "Cluster " + arn + " is not registered: GET /triggerlab/v1/clusters lists the registered clusters");
    }

    @Test
    void clusters_refuseRemovalWhileMapped_andTheSandboxName() {
        String uuid = fixture.json(fixture.postJson("/2015-03-31/event-source-mappings", "{\"FunctionName\":"
                + "\"my-function\",\"EventSourceArn\":\"" + ApiFixture.CLUSTER_ARN + "\",\"Topics\":[\"orders\"],"
                + "\"StartingPosition\":\"LATEST\"}")).get("UUID").asText();

        assertError(fixture.send("DELETE", API + "clusters/" + ApiFixture.CLUSTER_ARN, null), 400,
                "ResourceInUseException", "Cluster " + ApiFixture.CLUSTER_ARN + " is used by event source mapping(s) ["
                        + uuid + "]: delete them first");
        assertError(fixture.postJson(API + "clusters", "{\"clusterName\":\"triggerlab-sandbox\","
                        + "\"bootstrapServers\":\"127.0.0.1:9092\"}"), 400, "InvalidParameterValueException",
                "The cluster name triggerlab-sandbox is reserved for the engine's sandbox broker, which registers "
                        + "itself: choose another name");
        assertError(fixture.postJson(API + "clusters", "{\"clusterArn\":\"arn:aws:kafka:nope\","
                        + "\"bootstrapServers\":\"127.0.0.1:9092\"}"), 400, "InvalidParameterValueException",
                "Cluster ARN 'arn:aws:kafka:nope' is not valid: expected arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>");
        assertThat(fixture.clusters.list()).hasSize(1);
    }

    @Test
    void history_pagesNewestFirst_withFiltersAndNextCursor() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            InvocationOutcome outcome = i % 3 == 0 ? InvocationOutcome.FUNCTION_ERROR : InvocationOutcome.SUCCESS;
            ids.add(fixture.history.append(invocation("m-1", outcome, "{\"n\":" + i + "}")).id());
        }
        fixture.history.append(invocation("m-2", InvocationOutcome.SUCCESS, "{}"));

        List<Long> seen = new ArrayList<>();
        String path = API + "history?mapping=m-1&limit=3";
        JsonNode page;
        int pages = 0;
        do {
            page = fixture.json(fixture.send("GET", path, null));
            page.get("invocations").forEach(s -> seen.add(s.get("id").asLong()));
            pages++;
            path = API + "history?mapping=m-1&limit=3&before=" + page.path("nextBefore").asLong();
        } while (page.has("nextBefore"));

        assertThat(pages).isEqualTo(3);
        Collections.reverse(ids);
        assertThat(seen).isEqualTo(ids);

        JsonNode failures = fixture.json(fixture.send("GET", API + "history?outcome=function_error", null));
        assertThat(failures.get("invocations").findValuesAsText("outcome")).containsOnly("FUNCTION_ERROR").hasSize(3);
        assertThat(failures.has("nextBefore")).isFalse();
        assertError(fixture.send("GET", API + "history?outcome=BROKEN", null), 400, "InvalidParameterValueException",
                "outcome 'BROKEN' is not valid: use one or more of " + Arrays.toString(InvocationOutcome.values())
                        + ", comma-separated");
        assertError(fixture.send("GET", API + "history?limit=0", null), 400, "InvalidParameterValueException",
                "limit '0' is not valid: give a whole number 1..1000");
    }

    @Test
    void historyItem_carriesPayloadAsJson_orBase64_andLogs() {
        long json = fixture.history.append(invocation("m-1", InvocationOutcome.SUCCESS, "{\"records\":{}}")).id();
        byte[] binary = {(byte) 0xff, 0x00, 0x01};
        long raw = fixture.history.append(new InvocationRecord(0, "m-1", "batch-2", 1, "req-2", Instant.EPOCH,
                Duration.ofMillis(5), InvocationOutcome.FUNCTION_ERROR, List.of(new PartitionRange("orders", 0, 1, 1, 1)),
                1, binary.length, binary, "oops".getBytes(StandardCharsets.UTF_8), "boom", "")).id();

        JsonNode first = fixture.json(fixture.send("GET", API + "history/" + json, null));
        assertThat(first.get("payload").get("records").isObject()).isTrue();
        assertThat(first.get("response").asText()).isEqualTo("ok");
        assertThat(first.get("logs").asText()).isEqualTo("START\nEND\n");
        assertThat(first.get("partitions").get(0).get("firstOffset").asLong()).isEqualTo(100);

        JsonNode second = fixture.json(fixture.send("GET", API + "history/" + raw, null));
        assertThat(second.has("payload")).isFalse();
        assertThat(Base64.getDecoder().decode(second.get("payloadBase64").asText())).isEqualTo(binary);
        assertThat(second.get("responseBase64").asText()).isEqualTo(Base64.getEncoder()
                .encodeToString("oops".getBytes(StandardCharsets.UTF_8)));
        assertThat(second.get("errorMessage").asText()).isEqualTo("boom");

        assertError(fixture.send("GET", API + "history/999", null), 404, "ResourceNotFoundException",
                "Invocation 999 does not exist (ids are the whole numbers in the history list; old invocations are "
                        + "removed by the history's retention)");
        assertError(fixture.send("GET", API + "history/..%2F..%2Fetc", null), 404, "ResourceNotFoundException",
                "Invocation ../../etc does not exist (ids are the whole numbers in the history list; old invocations "
                        + "are removed by the history's retention)");
        assertError(fixture.send("POST", API + "history", "{}"), 405, "MethodNotAllowedException",
                "The method POST is not allowed on /triggerlab/v1/history: use GET");
        assertError(fixture.send("GET", API + "nothing", null), 404, "UnknownOperationException",
                "No TriggerLab API at /triggerlab/v1/nothing: the collections are /triggerlab/v1/functions, "
                        + "/triggerlab/v1/clusters, /triggerlab/v1/history, /triggerlab/v1/metrics, /triggerlab/v1/aws-check, "
                        + "/triggerlab/v1/sandbox, /triggerlab/v1/policy-check and /triggerlab/v1/sam");
    }

    private static InvocationRecord invocation(String mapping, InvocationOutcome outcome, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return new InvocationRecord(0, mapping, "batch-" + System.nanoTime(), 1, "req-" + System.nanoTime(),
                Instant.parse("2026-03-01T12:00:00Z"), Duration.ofMillis(12), outcome,
                List.of(new PartitionRange("orders", 0, 100, 102, 3)), 3, bytes.length, bytes,
                outcome.isSuccess() ? "\"ok\"".getBytes(StandardCharsets.UTF_8) : null,
                outcome.isSuccess() ? null : "failed", "START\nEND\n");
    }
}
