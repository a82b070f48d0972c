package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.triggerlab.engine.observe.systemlog.SystemLogEntry;
import io.triggerlab.engine.observe.systemlog.SystemLogLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code LoggingConfig} through the Lambda API (Create, Update, Get as AWS's model has it) and the system logs it
 * produces through the extension route {@code mappings/{uuid}/system-logs}.
 */
class LoggingConfigApiTest {

    private static final String ESM = "/2015-03-31/event-source-mappings";

    private final ApiFixture fixture = new ApiFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    private HttpResponse<String> create(String loggingConfig) {
        return fixture.postJson(ESM + "/", "{\"FunctionName\":\"my-function\",\"EventSourceArn\":\"" + ApiFixture.CLUSTER_ARN
                + "\",\"Topics\":[\"orders\"],\"StartingPosition\":\"LATEST\","
                + "\"ProvisionedPollerConfig\":{\"MinimumPollers\":1,\"MaximumPollers\":3},\"LoggingConfig\":" + loggingConfig + "}");
    }

    private HttpResponse<String> update(String uuid, String body) {
        return fixture.send("PUT", ESM + "/" + uuid, body, "Content-Type", "application/json");
    }

    private JsonNode get(String uuid) {
        return fixture.json(fixture.send("GET", ESM + "/" + uuid, null));
    }

    private void assertError(HttpResponse<String> response, int status, String type, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue(type);
        assertThat(fixture.json(response).path("message").asText()).isEqualTo(message);
    }

    @Test
    void loggingConfig_roundTripsThroughCreateUpdateAndGet() {
        HttpResponse<String> created = create("{\"SystemLogLevel\":\"DEBUG\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String uuid = fixture.json(created).path("UUID").asText();
        assertThat(fixture.json(created).path("LoggingConfig").toString()).isEqualTo("{\"SystemLogLevel\":\"DEBUG\"}");
        assertThat(get(uuid).path("LoggingConfig").toString()).isEqualTo("{\"SystemLogLevel\":\"DEBUG\"}");

        HttpResponse<String> updated = update(uuid, "{\"LoggingConfig\":{\"SystemLogLevel\":\"WARN\"}}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(202);
        assertThat(fixture.json(updated).path("LoggingConfig").toString()).isEqualTo("{\"SystemLogLevel\":\"WARN\"}");
        assertThat(get(uuid).path("LoggingConfig").toString()).isEqualTo("{\"SystemLogLevel\":\"WARN\"}");

        assertThat(update(uuid, "{\"BatchSize\":50}").statusCode()).isEqualTo(202);
        assertThat(get(uuid).path("LoggingConfig").toString()).as("an update without it keeps it")
                .isEqualTo("{\"SystemLogLevel\":\"WARN\"}");

        assertThat(update(uuid, "{\"LoggingConfig\":{}}").statusCode()).isEqualTo(202);
        assertThat(get(uuid).has("LoggingConfig")).as("an empty LoggingConfig switches the system logs off").isFalse();
    }

    @Test
    void aLevelOutsideTheModelsEnum_isAwsValidationException_onCreateAndUpdate() {
        String message = "1 validation error detected: Value 'ERROR' at 'loggingConfig.systemLogLevel' failed to satisfy "
                + "constraint: Member must satisfy enum value set: [DEBUG, INFO, WARN]";
        assertError(create("{\"SystemLogLevel\":\"ERROR\"}"), 400, "ValidationException", message);
        assertThat(fixture.mappingCount()).isZero();

        String uuid = fixture.json(create("{\"SystemLogLevel\":\"INFO\"}")).path("UUID").asText();
        assertError(update(uuid, "{\"LoggingConfig\":{\"SystemLogLevel\":\"ERROR\"}}"), 400, "ValidationException", message);
        assertError(update(uuid, "{\"LoggingConfig\":{\"SystemLogLevel\":\"debug\"}}"), 400, "ValidationException",
                message.replace("'ERROR'", "'debug'"));
        assertThat(get(uuid).path("LoggingConfig").toString()).as("nothing changed").isEqualTo("{\"SystemLogLevel\":\"INFO\"}");
    }

    @Test
    void aLoggingConfigThatIsNotAnObject_isSerializationException() {
        HttpResponse<String> response = create("\"DEBUG\"");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue("SerializationException");
        assertThat(fixture.mappingCount()).isZero();
    }

    @Test
    void systemLogs_areReadByLevelAndPosition() {
        String uuid = fixture.json(create("{\"SystemLogLevel\":\"DEBUG\"}")).path("UUID").asText();
        Instant at = Instant.parse("2026-03-01T12:00:00.123Z");
        long warn = keep(uuid, at, SystemLogLevel.WARN, "ESM_PROCESSING_EVENT");
        keep(uuid, at.plusSeconds(1), SystemLogLevel.INFO, "POLLER_STATUS_EVENT");
        long debug = keep(uuid, at.plusSeconds(2), SystemLogLevel.DEBUG, "KAFKA_STATUS_EVENT");
        String path = "/triggerlab/v1/mappings/" + uuid + "/system-logs";

        JsonNode all = fixture.json(fixture.send("GET", path, null));
        assertThat(all.path("systemLogLevel").asText()).isEqualTo("DEBUG");
        assertThat(all.path("events")).extracting(e -> e.path("message").asText())
                .containsExactly("{\"eventType\":\"ESM_PROCESSING_EVENT\"}", "{\"eventType\":\"POLLER_STATUS_EVENT\"}",
                        "{\"eventType\":\"KAFKA_STATUS_EVENT\"}");
        assertThat(all.path("events").get(0).path("logStreamName").asText()).isEqualTo("2026/03/01/" + uuid);
        assertThat(all.path("events").get(0).path("timestamp").asLong()).isEqualTo(at.toEpochMilli());
        assertThat(all.path("nextAfter").asLong()).isEqualTo(debug);

        JsonNode warnOnly = fixture.json(fixture.send("GET", path + "?level=WARN", null));
        assertThat(warnOnly.path("events")).extracting(e -> e.path("id").asLong()).containsExactly(warn);
        JsonNode after = fixture.json(fixture.send("GET", path + "?after=" + warn + "&level=info", null));
        assertThat(after.path("events")).extracting(e -> e.path("message").asText())
                .containsExactly("{\"eventType\":\"POLLER_STATUS_EVENT\"}");
        JsonNode none = fixture.json(fixture.send("GET", path + "?after=" + debug + "&waitSeconds=0", null));
        assertThat(none.path("events")).isEmpty();
        assertThat(none.path("nextAfter").asLong()).isEqualTo(debug);

        assertError(fixture.send("GET", path + "?level=TRACE", null), 400, "InvalidParameterValueException",
                "System log level 'TRACE' is not valid: use DEBUG, INFO or WARN");
        assertError(fixture.send("GET", path + "?waitSeconds=60", null), 400, "InvalidParameterValueException",
                "Query parameter waitSeconds='60' is not valid: must be a whole number 0..10");
        assertThat(fixture.send("POST", path, "{}", "Content-Type", "application/json").statusCode()).isEqualTo(405);
        assertThat(fixture.send("GET", "/triggerlab/v1/mappings/00000000-0000-0000-0000-000000000000/system-logs", null)
                .statusCode()).isEqualTo(404);
    }

    private long keep(String uuid, Instant at, SystemLogLevel level, String type) {
        return fixture.systemLogs.append(new SystemLogEntry(0, uuid, SystemLogEntry.logStreamName(uuid, at), at, level,
                type, "{\"eventType\":\"" + type + "\"}")).id();
    }
}
