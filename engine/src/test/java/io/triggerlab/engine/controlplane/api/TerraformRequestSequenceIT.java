package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The request sequence terraform-provider-aws sends for an {@code aws_lambda_event_source_mapping} through
 * {@code apply}, a changed {@code apply} and {@code destroy}, replayed against a real engine polling a real broker,
 * every answer asserted. Terraform itself cannot be installed here; the sequence is read from the provider's source
 * ({@code internal/service/lambda/event_source_mapping.go}: Create, {@code waitEventSourceMappingCreated} polling Get
 * while the State is Creating/Enabling/Disabling, Read = Get then ListTags on {@code EventSourceMappingArn} (tags since
 * provider 5.70, #39535), Update with only the changed members, {@code waitEventSourceMappingUpdated}, the tag diff as
 * UntagResource then TagResource, Delete retried on ResourceInUseException, {@code waitEventSourceMappingDeleted}
 * polling Get until ResourceNotFoundException). The Go SDK percent-encodes the ARN's colons in the tags path.
 */
@ExtendWith(SharedKafkaBroker.class)
class TerraformRequestSequenceIT {

    private static final Set<String> CREATE_PENDING = Set.of("Creating", "Enabling", "Disabling");
    private static final Set<String> UPDATE_PENDING = Set.of("Updating", "Enabling", "Disabling");

    private final EmbeddedKafkaBroker broker;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private Engine engine;

    TerraformRequestSequenceIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void start(@TempDir Path dataDir) {
        engine = Engine.start(EngineConfig.defaults(dataDir).withApiPort(0).withExternalBootstrap(broker.bootstrapServers()));
        engine.functions().register(new FunctionDefinition("orders-fn", new CommandTarget(List.of("cat"), null, Map.of()),
                Duration.ofSeconds(30), engine.config().region(), engine.config().accountId()));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void applyChangeAndDestroy_answerEveryRequestAsTerraformExpects() {
        String topic = TestTopics.unique("terraform");

        // terraform apply: CreateEventSourceMapping with the configured members and the resource's tags.
        Answer created = send("POST", "/2015-03-31/event-source-mappings", "{\"Enabled\":true,\"FunctionName\":"
                + "\"orders-fn\",\"BatchSize\":10,\"SelfManagedEventSource\":{\"Endpoints\":{\"KAFKA_BOOTSTRAP_SERVERS\":[\""
                + broker.bootstrapServers() + "\"]}},\"StartingPosition\":\"TRIM_HORIZON\",\"Topics\":[\"" + topic
                + "\"],\"Tags\":{\"Name\":\"orders\",\"env\":\"dev\"}}");
        assertThat(created.status).isEqualTo(202);
        String uuid = created.body.get("UUID").asText();
        String arn = created.body.get("EventSourceMappingArn").asText();
        assertThat(uuid).hasSize(36);
        String prefix = "arn:aws:lambda:" + engine.config().region() + ":" + engine.config().accountId() + ":";
        assertThat(arn).isEqualTo(prefix + "event-source-mapping:" + uuid);
        assertThat(created.body.get("State").asText()).isEqualTo("Creating");
        assertThat(created.body.has("Tags")).isFalse();

        JsonNode settled = waitWhile(uuid, CREATE_PENDING);
        assertThat(settled.get("State").asText()).isEqualTo("Enabled");

        // Read after create: GetEventSourceMapping, then ListTags on the mapping's ARN.
        JsonNode read = get(uuid);
        assertThat(read.get("BatchSize").asInt()).isEqualTo(10);
        assertThat(read.get("Topics").toString()).isEqualTo("[\"" + topic + "\"]");
        assertThat(read.get("SelfManagedEventSource").get("Endpoints").get("KAFKA_BOOTSTRAP_SERVERS").toString())
                .isEqualTo("[\"" + broker.bootstrapServers() + "\"]");
        assertThat(read.get("FunctionArn").asText()).isEqualTo(prefix + "function:orders-fn");
        assertThat(read.get("StartingPosition").asText()).isEqualTo("TRIM_HORIZON");
        assertThat(read.get("StateTransitionReason").asText()).isEqualTo("USER_INITIATED");
        assertThat(read.get("LastModified").isNumber()).as("rest-json epoch seconds").isTrue();
        assertThat(listTags(arn)).isEqualTo("{\"Name\":\"orders\",\"env\":\"dev\"}");

        // terraform apply after changing batch_size and the tags: only the changed member is sent.
        Answer updated = send("PUT", "/2015-03-31/event-source-mappings/" + uuid, "{\"BatchSize\":50}");
        assertThat(updated.status).isEqualTo(202);
        assertThat(updated.body.get("State").asText()).isEqualTo("Updating");
        assertThat(waitWhile(uuid, UPDATE_PENDING).get("State").asText()).isEqualTo("Enabled");
        Answer untagged = send("DELETE", tagsPath(arn) + "?tagKeys=env", null);
        assertThat(untagged.status).isEqualTo(204);
        Answer tagged = send("POST", tagsPath(arn), "{\"Tags\":{\"team\":\"payments\"}}");
        assertThat(tagged.status).isEqualTo(204);
        assertThat(get(uuid).get("BatchSize").asInt()).isEqualTo(50);
        assertThat(listTags(arn)).isEqualTo("{\"Name\":\"orders\",\"team\":\"payments\"}");

        // terraform destroy: DeleteEventSourceMapping, then Get until ResourceNotFoundException.
        Answer deleted = send("DELETE", "/2015-03-31/event-source-mappings/" + uuid, null);
        assertThat(deleted.status).isEqualTo(202);
        assertThat(deleted.body.get("State").asText()).isEqualTo("Deleting");
        AtomicReference<Answer> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Answer answer = send("GET", "/2015-03-31/event-source-mappings/" + uuid, null);
            last.set(answer);
            assertThat(answer.status == 404 || answer.body.get("State").asText().equals("Deleting")).isTrue();
            return answer.status == 404;
        });
        assertThat(last.get().errorType).isEqualTo("ResourceNotFoundException");
        assertThat(last.get().body.get("Message").asText()).isEqualTo("The resource you requested does not exist.");
        Answer tagsGone = send("GET", tagsPath(arn), null);
        assertThat(tagsGone.status).isEqualTo(404);
    }

    private JsonNode waitWhile(String uuid, Set<String> pending) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode mapping = get(uuid);
            last.set(mapping);
            return !pending.contains(mapping.get("State").asText());
        });
        return last.get();
    }

    private JsonNode get(String uuid) {
        Answer answer = send("GET", "/2015-03-31/event-source-mappings/" + uuid, null);
        assertThat(answer.status).as(answer.body.toString()).isEqualTo(200);
        return answer.body;
    }

    private String listTags(String arn) {
        Answer answer = send("GET", tagsPath(arn), null);
        assertThat(answer.status).as(answer.body.toString()).isEqualTo(200);
        return answer.body.get("Tags").toString();
    }

    /** The Go SDK's path escaping of the {@code Resource} label: every colon becomes %3A. */
    private static String tagsPath(String arn) {
        return "/2017-03-31/tags/" + URLEncoder.encode(arn, StandardCharsets.UTF_8);
    }

    private record Answer(int status, String errorType, JsonNode body) {
    }

    /** One request with the headers the provider's SDK sends (SigV4 shape; TriggerLab does not check signatures). */
    private Answer send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engine.apiEndpoint() + path))
                .header("User-Agent", "APN/1.0 HashiCorp/1.0 Terraform/1.9.0 terraform-provider-aws/5.70.0 aws-sdk-go-v2/1.30.0")
                .header("X-Amz-Date", "20260301T120000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260301/us-east-1/lambda/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=0000");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
            return new Answer(response.statusCode(), response.headers().firstValue("X-Amzn-ErrorType").orElse(null), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
