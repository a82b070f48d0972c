package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rest-json wire form with a plain HTTP client: status codes, headers, member names, timestamp numbers, and a
 * specific AWS-style error — with nothing stored — for every kind of bad input.
 */
class LambdaApiProtocolTest {

    private static final String ESM = "/2015-03-31/event-source-mappings";
    private static final String VALID = "{\"FunctionName\":\"my-function\",\"EventSourceArn\":\"" + ApiFixture.CLUSTER_ARN
            + "\",\"Topics\":[\"orders\"],\"StartingPosition\":\"LATEST\"";

    private ApiFixture fixture;

    @BeforeEach
    void start() {
        fixture = new ApiFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** Asserts an AWS rest-json error and that no mapping was stored. */
    private JsonNode assertError(HttpResponse<String> response, int status, String errorType, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue(errorType);
        assertJsonWithRequestId(response);
        JsonNode body = fixture.json(response);
        assertThat(body.get("Type").asText()).isEqualTo(status >= 500 ? "Service" : "User");
        assertThat(body.get("message").asText()).isEqualTo(message);
        assertThat(body.get("Message").asText()).isEqualTo(message);
        assertThat(fixture.mappingCount()).as("nothing stored").isZero();
        return body;
    }

    private static void assertJsonWithRequestId(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("x-amzn-RequestId"))
                .hasValueSatisfying(id -> assertThat(UUID.fromString(id).toString()).isEqualTo(id));
    }

    @Test
    void create_answers202_withPascalCaseMembers_andTimestampsAsEpochSecondsWithFraction() {
        HttpResponse<String> response = fixture.postJson(ESM + "/", VALID + ",\"Tags\":{\"team\":\"payments\"}}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertJsonWithRequestId(response);
        assertThat(response.body()).contains("\"LastModified\":1772366400.123");
        JsonNode body = fixture.json(response);
        assertThat(body.get("UUID").asText()).hasSize(36);
        assertThat(body.get("FunctionArn").asText()).isEqualTo(ApiFixture.FUNCTION_ARN);
        assertThat(body.get("AmazonManagedKafkaEventSourceConfig").get("ConsumerGroupId").asText())
                .isEqualTo(body.get("UUID").asText());
        assertThat(body.has("Tags")).as("tags are never returned").isFalse();
        assertThat(body.has("MaximumBatchingWindowInSeconds")).as("500 ms default omitted").isFalse();
        assertThat(body.has("MaximumRetryAttempts")).as("on-demand defaults omitted").isFalse();
    }

    @Test
    void startingPositionTimestamp_acceptsFractionalNumberAndIsoString() {
        HttpResponse<String> number = fixture.postJson(ESM, VALID.replace("LATEST", "AT_TIMESTAMP")
                + ",\"StartingPositionTimestamp\":1769934600.25}");
        assertThat(number.statusCode()).as(number.body()).isEqualTo(202);
        assertThat(number.body()).contains("\"StartingPositionTimestamp\":1769934600.250");

        HttpResponse<String> iso = fixture.postJson(ESM, VALID.replace("LATEST", "AT_TIMESTAMP")
                .replace("[\"orders\"]", "[\"payments\"]") + ",\"StartingPositionTimestamp\":\"2026-02-01T08:30:00.250Z\"}");
        assertThat(iso.statusCode()).as(iso.body()).isEqualTo(202);
        assertThat(iso.body()).contains("\"StartingPositionTimestamp\":1769934600.250");
    }

    @Test
    void unknownMembers_areIgnoredAsAwsDoes() {
        HttpResponse<String> response = fixture.postJson(ESM, VALID + ",\"Batchsize\":5,\"Extra\":{\"a\":1}}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(fixture.json(response).get("BatchSize").asInt()).isEqualTo(100);
    }

    @Test
    void signaturesAreAcceptedAndNotChecked() {
        HttpResponse<String> response = fixture.send("GET", ESM, null, "Authorization",
                "AWS4-HMAC-SHA256 Credential=nobody/20260301/us-east-1/lambda/aws4_request, SignedHeaders=host, "
                        + "Signature=0000", "X-Amz-Date", "20260301T120000Z");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fixture.json(response).get("EventSourceMappings").size()).isZero();
    }

    @Test
    void list_answersMappingsAndNextMarker() {
        fixture.postJson(ESM, VALID + "}");
        fixture.postJson(ESM, VALID.replace("[\"orders\"]", "[\"payments\"]") + "}");

        JsonNode first = fixture.json(fixture.send("GET", ESM + "?FunctionName=my-function&MaxItems=1", null));
        assertThat(first.get("EventSourceMappings").size()).isEqualTo(1);
        String marker = first.get("NextMarker").asText();
        JsonNode second = fixture.json(fixture.send("GET", ESM + "/?FunctionName=my-function&MaxItems=1&Marker="
                + marker, null));
        assertThat(second.get("EventSourceMappings").get(0).get("Topics").get(0).asText()).isEqualTo("payments");
        assertThat(second.has("NextMarker")).isFalse();
    }

    @Test
    void malformedJson_isSerializationException() {
        assertError(fixture.postJson(ESM, "{\"FunctionName\": "), 400, "SerializationException",
                "The request body is not valid JSON: Unexpected end-of-input within/between Object entries at line 1, "
                        + "column 18");
    }

    @Test
    void wrongJsonType_isSerializationException_namingTheMember() {
        assertError(fixture.postJson(ESM, VALID + ",\"BatchSize\":\"ten\"}"), 400, "SerializationException",
                "Value \"ten\" at 'BatchSize' cannot be converted to an Integer: send a whole JSON number, e.g. 100, "
                        + "not the string \"ten\"");
        assertError(fixture.postJson(ESM, "{\"FunctionName\":\"my-function\",\"Topics\":[\"orders\"],"
                        + "\"StartingPosition\":\"LATEST\",\"SelfManagedEventSource\":{\"Endpoints\":"
                        + "{\"KAFKA_BOOTSTRAP_SERVERS\":\"b-1:9092\"}}}"), 400, "SerializationException",
                "Value \"b-1:9092\" at 'SelfManagedEventSource.Endpoints.KAFKA_BOOTSTRAP_SERVERS' cannot be converted "
                        + "to a List: send a JSON array of strings, e.g. [\"orders\"], not the string \"b-1:9092\"");
        assertError(fixture.postJson(ESM, VALID + ",\"Enabled\":\"true\"}"), 400, "SerializationException",
                "Value \"true\" at 'Enabled' cannot be converted to a Boolean: send true or false without quotes, not "
                        + "the string \"true\"");
        assertError(fixture.postJson(ESM, VALID + ",\"BatchSize\":3000000000}"), 400, "SerializationException",
                "Value 3000000000 at 'BatchSize' is out of range for an Integer: it must lie between -2147483648 "
                        + "and 2147483647");
    }

    @Test
    void emptyOrNonObjectBody_isSerializationException() {
        assertError(fixture.postJson(ESM, ""), 400, "SerializationException",
                "The request body is empty: send a JSON object (Content-Type: application/json)");
        assertError(fixture.postJson(ESM, "[1,2]"), 400, "SerializationException",
                "The request body must be a JSON object ({...}), but it is an array");
    }

    @Test
    void validValueRules_comeFromTheValidator_asInvalidParameterValueException() {
        assertError(fixture.postJson(ESM, VALID + ",\"Queues\":[\"q\"]}"), 400, "InvalidParameterValueException",
                "Unsupported 'queues' parameter for given event source mapping type.");
        assertError(fixture.postJson(ESM, VALID.replace("my-function", "other-function") + "}"), 400,
                "InvalidParameterValueException", "Function does not exist");
    }

    @Test
    void nonJsonContentType_isUnsupportedMediaType() {
        assertError(fixture.send("POST", ESM, VALID + "}", "Content-Type", "text/plain"), 415,
                "UnsupportedMediaTypeException", "The content type 'text/plain' is not supported: send the body as "
                        + "JSON with Content-Type: application/json");
    }

    @Test
    void bodyOverOneMegabyte_isRequestTooLarge() {
        String huge = VALID + ",\"Padding\":\"" + "x".repeat(1_100_000) + "\"}";

        assertError(fixture.postJson(ESM, huge), 413, "RequestTooLargeException",
                "Request must be smaller than 1048576 bytes for this operation");
    }

    @Test
    void wrongMethod_isMethodNotAllowed_withAllowHeader() {
        HttpResponse<String> patch = fixture.send("PATCH", ESM + "/" + UUID.randomUUID(), "{}");
        assertError(patch, 405, "MethodNotAllowedException", "The method PATCH is not allowed on " + ESM + "/"
                + patch.uri().getPath().substring(ESM.length() + 1) + ": use GET or PUT or DELETE");
        assertThat(patch.headers().firstValue("Allow")).hasValue("GET,PUT,DELETE");

        HttpResponse<String> delete = fixture.send("DELETE", ESM, null);
        assertError(delete, 405, "MethodNotAllowedException", "The method DELETE is not allowed on " + ESM
                + ": use GET or POST");
    }

    @Test
    void unknownPath_isUnknownOperation() {
        assertError(fixture.send("GET", "/2015-03-31/functions", null), 404, "UnknownOperationException",
                "No operation at GET /2015-03-31/functions: TriggerLab serves Lambda's event source mapping operations "
                        + "under /2015-03-31/event-source-mappings, tagging under /2017-03-31/tags/ and its own API under /triggerlab/v1/");
    }

    @Test
    void garbageOrTraversalInUuid_isValidationException_andAnUnknown36CharacterUuidIsResourceNotFound() {
        for (String uuid : new String[] {"..%2F..%2F..%2Fetc%2Fpasswd", "../../etc/passwd", "a/b/c", "not-a-uuid"}) {
            String decoded = ApiRequest.decode(uuid);
            assertError(fixture.send("GET", ESM + "/" + uuid, null), 400, "ValidationException",
                    "1 validation error detected: Value '" + decoded + "' at 'uUID' failed to satisfy constraint: "
                            + "Member must have length greater than or equal to 36");
        }
        assertError(fixture.send("GET", ESM + "/" + UUID.randomUUID(), null), 404, "ResourceNotFoundException",
                "The resource you requested does not exist.");
        assertError(fixture.send("GET", ESM + "/" + "x".repeat(36), null), 404, "ResourceNotFoundException",
                "The resource you requested does not exist.");
        assertError(fixture.send("PUT", ESM + "/..%2Fx", "{\"BatchSize\":5}", "Content-Type", "application/json"),
                400, "ValidationException", "1 validation error detected: Value '../x' at 'uUID' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 36");
    }

    @Test
    void maxItemsThatIsNotANumber_isSerializationException() {
        assertError(fixture.send("GET", ESM + "?MaxItems=ten", null), 400, "SerializationException",
                "Value 'ten' at 'MaxItems' cannot be converted to an Integer: send a whole number 1..10000, "
                        + "e.g. MaxItems=50");
        assertError(fixture.send("GET", ESM + "?MaxItems=20000", null), 400, "ValidationException",
                "1 validation error detected: Value '20000' at 'maxItems' failed to satisfy constraint: Member must "
                        + "have value less than or equal to 10000");
    }

    @Test
    void badUpdate_leavesTheMappingUnchanged() {
        String uuid = fixture.json(fixture.postJson(ESM, VALID + ",\"BatchSize\":10}")).get("UUID").asText();

        HttpResponse<String> response = fixture.send("PUT", ESM + "/" + uuid, "{\"BatchSize\":\"ten\"}",
                "Content-Type", "application/json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue("SerializationException");
        HttpResponse<String> topics = fixture.send("PUT", ESM + "/" + uuid, "{\"Topics\":[\"other\"]}",
                "Content-Type", "application/json");
        assertThat(fixture.json(topics).get("message").asText()).isEqualTo("Topics cannot be updated: it can only be "
                + "set by CreateEventSourceMapping; delete this mapping and create a new one to change it");

        JsonNode after = fixture.json(fixture.send("GET", ESM + "/" + uuid, null));
        assertThat(after.get("BatchSize").asInt()).isEqualTo(10);
        assertThat(after.get("State").asText()).isEqualTo("Enabled");
    }
}
