package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Malformed and hostile requests to the local API (docs/reliability.md, "Bad input"): each is answered with a 4xx in
 * AWS's error form, a specific message, and changes nothing — the stored mapping and function are byte-for-byte the
 * same afterwards, and no mapping or function was added.
 */
class HostileApiRequestTest {

    private static final String ESM = "/2015-03-31/event-source-mappings";
    private static final String FUNCTIONS = "/triggerlab/v1/functions";
    private static final String VALID = "{\"FunctionName\":\"my-function\",\"EventSourceArn\":\"" + ApiFixture.CLUSTER_ARN
            + "\",\"Topics\":[\"orders\"],\"StartingPosition\":\"LATEST\"";
    private static final String UUID_PLACEHOLDER = "{uuid}";

    private ApiFixture fixture;
    private String uuid;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        fixture = new ApiFixture();
        uuid = fixture.json(fixture.postJson(ESM, VALID + ",\"BatchSize\":10}")).get("UUID").asText();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static Arguments json(String name, String method, String path, String body, int status, String type,
                                  String message) {
        return arguments(name, method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), status, type,
                message);
    }

    private static Arguments raw(String name, String method, String path, String contentType, byte[] body, int status,
                                 String type, String message) {
        return arguments(name, method, path, contentType, body, status, type, message);
    }

    static Stream<Arguments> hostileRequests() {
        byte[] notUtf8 = (VALID + ",\"Tags\":{\"k\":\"\u0000\"}}").getBytes(StandardCharsets.UTF_8);
        notUtf8[notUtf8.length - 4] = (byte) 0xC3; // a lone lead byte: not UTF-8
        return Stream.of(
                json("nested 100 000 deep", "POST", ESM, "[".repeat(100_000), 400, "SerializationException",
                        "The request body is not valid JSON: Document nesting depth (1001) exceeds the maximum allowed"),
                json("number of 2 000 digits", "POST", ESM, VALID + ",\"BatchSize\":" + "9".repeat(2_000) + "}", 400,
                        "SerializationException", "The request body is not valid JSON: Number value length (2000) exceeds"),
                json("BatchSize 1e400", "POST", ESM, VALID + ",\"BatchSize\":1e400}", 400, "SerializationException",
                        "BatchSize"),
                json("BatchSize 10.5", "POST", ESM, VALID + ",\"BatchSize\":10.5}", 400, "SerializationException",
                        "BatchSize"),
                json("BatchSize true", "POST", ESM, VALID + ",\"BatchSize\":true}", 400, "SerializationException",
                        "BatchSize"),
                json("BatchSize 2^31", "POST", ESM, VALID + ",\"BatchSize\":2147483648}", 400, "SerializationException",
                        "BatchSize"),
                json("duplicate key", "POST", ESM, VALID + ",\"BatchSize\":1,\"BatchSize\":2}", 400,
                        "SerializationException", "Duplicate field 'BatchSize'"),
                json("trailing tokens", "POST", ESM, VALID + "} {}", 400, "SerializationException",
                        "The request body is not valid JSON"),
                json("unterminated string", "POST", ESM, VALID + ",\"Tags\":{\"k\":\"v}", 400, "SerializationException",
                        "The request body is not valid JSON"),
                json("JSON null", "POST", ESM, "null", 400, "SerializationException",
                        "The request body must be a JSON object"),
                json("JSON string", "POST", ESM, "\"hello\"", 400, "SerializationException",
                        "The request body must be a JSON object"),
                raw("invalid UTF-8", "POST", ESM, "application/json", notUtf8, 400, "SerializationException",
                        "The request body is not valid JSON: Invalid UTF-8"),
                raw("multipart content", "POST", ESM, "multipart/form-data; boundary=x",
                        "--x\r\n\r\n{}\r\n--x--".getBytes(StandardCharsets.UTF_8), 415, "UnsupportedMediaTypeException",
                        "The content type 'multipart/form-data; boundary=x' is not supported"),
                json("NUL in FunctionName", "POST", ESM, VALID.replace("my-function", "my\\u0000function") + "}", 400,
                        "ValidationException", "at 'functionName' failed to satisfy constraint"),
                json("FunctionName of 500 000 characters", "POST", ESM,
                        VALID.replace("my-function", "f".repeat(500_000)) + "}", 400, "ValidationException",
                        "Member must have length less than or equal to"),
                json("unregistered function", "POST", ESM, VALID.replace("my-function", "ghost") + "}", 400,
                        "InvalidParameterValueException", "Function does not exist"),
                json("unknown MSK cluster", "POST", ESM, VALID.replace("orders-cluster", "other-cluster") + "}", 400,
                        "InvalidParameterValueException", "other-cluster"),
                json("topic with path traversal", "POST", ESM, VALID.replace("[\"orders\"]", "[\"../../etc/passwd\"]") + "}",
                        400, "ValidationException", "at 'topics.1.member' failed to satisfy constraint"),
                json("topic with a newline", "POST", ESM, VALID.replace("[\"orders\"]", "[\"ord\\ners\"]") + "}",
                        400, "ValidationException", "at 'topics.1.member' failed to satisfy constraint"),
                json("topic of 250 characters", "POST", ESM, VALID.replace("[\"orders\"]", "[\"" + "t".repeat(250) + "\"]")
                        + "}", 400, "ValidationException", "Member must have length less than or equal to 249"),
                json("empty topic", "POST", ESM, VALID.replace("[\"orders\"]", "[\"\"]") + "}", 400,
                        "ValidationException", "topics.1.member"),
                json("Topics a string", "POST", ESM, VALID.replace("[\"orders\"]", "\"orders\"") + "}", 400,
                        "SerializationException", "Topics"),
                json("Topics [null]", "POST", ESM, VALID.replace("[\"orders\"]", "[null]") + "}", 400,
                        "SerializationException", "Topics"),
                json("Topics [1]", "POST", ESM, VALID.replace("[\"orders\"]", "[1]") + "}", 400,
                        "SerializationException", "Topics"),
                json("FilterCriteria a string", "POST", ESM, VALID + ",\"FilterCriteria\":\"x\"}", 400,
                        "SerializationException", "FilterCriteria"),
                json("StartingPositionTimestamp a word", "POST", ESM, VALID.replace("LATEST", "AT_TIMESTAMP")
                        + ",\"StartingPositionTimestamp\":\"yesterday\"}", 400, "SerializationException",
                        "StartingPositionTimestamp"),
                json("broker address that is a URL", "POST", ESM, "{\"FunctionName\":\"my-function\",\"Topics\":[\"t\"],"
                        + "\"StartingPosition\":\"LATEST\",\"SelfManagedEventSource\":{\"Endpoints\":{"
                        + "\"KAFKA_BOOTSTRAP_SERVERS\":[\"javascript:alert(1)\"]}}}", 400,
                        "ValidationException", "KAFKA_BOOTSTRAP_SERVERS.1.member"),
                json("update: BatchSize 10001", "PUT", ESM + "/" + UUID_PLACEHOLDER, "{\"BatchSize\":10001}", 400,
                        "ValidationException", "Member must have value less than or equal to 10000"),
                json("update: window 301", "PUT", ESM + "/" + UUID_PLACEHOLDER, "{\"MaximumBatchingWindowInSeconds\":301}",
                        400, "ValidationException", "Member must have value less than or equal to 300"),
                json("update: unregistered function", "PUT", ESM + "/" + UUID_PLACEHOLDER, "{\"FunctionName\":\"ghost\"}",
                        400, "InvalidParameterValueException", "Function does not exist"),
                json("update: StartingPosition", "PUT", ESM + "/" + UUID_PLACEHOLDER, "{\"StartingPosition\":\"LATEST\"}",
                        400, "InvalidParameterValueException", "StartingPosition"),
                json("update of a UUID with a NUL", "PUT", ESM + "/%00", "{\"BatchSize\":5}", 400,
                        "ValidationException", "1 validation error detected: Value '\u0000' at 'uUID' failed to satisfy constraint: Member must have length greater than or equal to 36"),
                json("UUID 10 000 characters long", "GET", ESM + "/" + "a".repeat(10_000), "", 400,
                        "ValidationException", "at 'uUID' failed to satisfy constraint: Member must have length less than or equal to 36"),
                json("encoded traversal after a real UUID", "GET", ESM + "/" + UUID_PLACEHOLDER + "%2F..%2F..", "", 400,
                        "ValidationException", "at 'uUID' failed to satisfy constraint: Member must have length less than or equal to 36"),
                json("path below a mapping", "GET", ESM + "/" + UUID_PLACEHOLDER + "/extra", "", 400,
                        "ValidationException", "at 'uUID' failed to satisfy constraint: Member must have length less than or equal to 36"),
                json("PUT on the collection", "PUT", ESM, "{}", 405, "MethodNotAllowedException", "use GET or POST"),
                json("POST on a mapping", "POST", ESM + "/" + UUID_PLACEHOLDER, VALID + "}", 405,
                        "MethodNotAllowedException", "use GET or PUT or DELETE"),
                json("OPTIONS", "OPTIONS", ESM, "", 405, "MethodNotAllowedException", "The method OPTIONS is not allowed"),
                json("invented method", "BREW", ESM, "", 405, "MethodNotAllowedException", "The method BREW is not allowed"),
                json("MaxItems 0", "GET", ESM + "?MaxItems=0", "", 400, "ValidationException",
                        "Member must have value greater than or equal to 1"),
                json("MaxItems -1", "GET", ESM + "?MaxItems=-1", "", 400, "ValidationException",
                        "Member must have value greater than or equal to 1"),
                json("Marker that is garbage", "GET", ESM + "?Marker=%27%3B%20DROP%20TABLE", "", 400,
                        "InvalidParameterValueException", "Marker"),
                json("extension path traversal", "GET", "/triggerlab/v1/functions/..%2F..%2Fetc%2Fpasswd", "", 404,
                        "ResourceNotFoundException", "is not registered"),
                json("unknown extension collection", "GET", "/triggerlab/v1/secrets", "", 404,
                        "UnknownOperationException", "the collections are"),
                json("history id not a number", "GET", "/triggerlab/v1/history/abc", "", 404,
                        "ResourceNotFoundException", "Invocation abc does not exist"),
                json("history id past Long", "GET", "/triggerlab/v1/history/99999999999999999999", "", 404,
                        "ResourceNotFoundException", "Invocation 99999999999999999999 does not exist"),
                json("function name traversal", "POST", FUNCTIONS, "{\"name\":\"../../x\",\"target\":{\"kind\":\"command\","
                        + "\"command\":[\"true\"]}}", 400, "InvalidParameterValueException", "../../x"),
                json("function timeout 901", "POST", FUNCTIONS, "{\"name\":\"fn2\",\"timeoutSeconds\":901,\"target\":"
                        + "{\"kind\":\"command\",\"command\":[\"true\"]}}", 400, "InvalidParameterValueException", "901"),
                json("function timeout 0", "POST", FUNCTIONS, "{\"name\":\"fn2\",\"timeoutSeconds\":0,\"target\":"
                        + "{\"kind\":\"command\",\"command\":[\"true\"]}}", 400, "InvalidParameterValueException", "0"),
                json("function target kind unknown", "POST", FUNCTIONS, "{\"name\":\"fn2\",\"target\":{\"kind\":\"shell\"}}",
                        400, "InvalidParameterValueException", "shell"),
                json("function empty command", "POST", FUNCTIONS, "{\"name\":\"fn2\",\"target\":{\"kind\":\"command\","
                        + "\"command\":[]}}", 400, "InvalidParameterValueException", "command"),
                json("function endpoint not http", "POST", FUNCTIONS, "{\"name\":\"fn2\",\"target\":{\"kind\":\"lambda\","
                        + "\"functionName\":\"x\",\"region\":\"us-east-1\",\"endpoint\":\"file:///etc/passwd\"}}", 400,
                        "InvalidParameterValueException", "file:///etc/passwd"),
                json("function endpoint not a URL", "POST", FUNCTIONS, "{\"name\":\"fn2\",\"target\":{\"kind\":\"lambda\","
                        + "\"functionName\":\"x\",\"region\":\"us-east-1\",\"endpoint\":\"http://[::1\"}}", 400,
                        null, "endpoint"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void answersWithASpecificAwsError_andChangesNothing(String name, String method, String path, String contentType,
                                                         byte[] body, int status, String errorType, String message) {
        String mappingBefore = fixture.send("GET", ESM + "/" + uuid, null).body();
        String functionsBefore = fixture.send("GET", FUNCTIONS, null).body();

        HttpResponse<String> response = send(method, path.replace(UUID_PLACEHOLDER, uuid), contentType, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        String actualType = response.headers().firstValue("X-Amzn-ErrorType").orElse("");
        if (errorType != null) {
            assertThat(actualType).isEqualTo(errorType);
        } else {
            assertThat(actualType).as("an AWS error type").isNotBlank();
        }
        JsonNode error = fixture.json(response);
        assertThat(error.get("message").asText()).contains(message);
        assertThat(error.get("Type").asText()).isEqualTo("User");
        assertThat(fixture.send("GET", ESM + "/" + uuid, null).body()).isEqualTo(mappingBefore);
        assertThat(fixture.send("GET", FUNCTIONS, null).body()).isEqualTo(functionsBefore);
        assertThat(fixture.mappingCount()).isEqualTo(1);
    }

    private HttpResponse<String> send(String method, String path, String contentType, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fixture.server.endpoint() + path))
                .header("Content-Type", contentType)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
