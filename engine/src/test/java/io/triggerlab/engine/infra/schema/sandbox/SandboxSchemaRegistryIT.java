package io.triggerlab.engine.infra.schema.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.infra.schema.ConfluentRegistryClient;
import io.triggerlab.engine.infra.schema.RegisteredSchema;
import io.triggerlab.engine.infra.schema.SchemaFormat;
import io.triggerlab.engine.infra.schema.SchemaNotFoundException;
import io.triggerlab.engine.infra.schema.SchemaRegistryUnavailableException;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox registry over real HTTP, spoken to as Confluent's serializers and TriggerLab's client speak to it. */
@ExtendWith(SharedKafkaBroker.class)
class SandboxSchemaRegistryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AVSC = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}";

    private final EmbeddedKafkaBroker broker;
    private final HttpClient http = HttpClient.newHttpClient();

    SandboxSchemaRegistryIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void registersLooksUpAndKeepsSchemasAcrossARestart() throws Exception {
        String subject = TestTopics.unique("orders") + "-value";
        int id;
        URI first;
        try (SandboxSchemaRegistry registry = SandboxSchemaRegistry.start(broker.bootstrapServers(), 0)) {
            first = registry.url();
            JsonNode registered = post(first, "/subjects/" + subject + "/versions", body(AVSC, null));
            id = registered.get("id").asInt();
            assertThat(post(first, "/subjects/" + subject + "/versions", body(AVSC, null)).get("id").asInt())
                    .as("the same schema again is the same id").isEqualTo(id);
            assertThat(get(first, "/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
            JsonNode latest = JSON.readTree(get(first, "/subjects/" + subject + "/versions/latest").body());
            assertThat(latest.get("version").asInt()).isEqualTo(1);
            assertThat(latest.get("id").asInt()).isEqualTo(id);
            assertThat(latest.has("schemaType")).as("Avro is Confluent's default and left out").isFalse();
            assertThat(JSON.readTree(get(first, "/subjects").body()).toString()).contains(subject);
        }
        try (SandboxSchemaRegistry again = SandboxSchemaRegistry.start(broker.bootstrapServers(), 0)) {
            RegisteredSchema schema = new ConfluentRegistryClient(again.url(), http, Optional.empty())
                    .schemaById(Integer.toString(id));
            assertThat(schema.format()).isEqualTo(SchemaFormat.AVRO);
            assertThat(schema.text()).isEqualTo(AVSC);
        }
    }

    @Test
    void protobufWithAReference_isServedWithTheImportedText() throws Exception {
        String common = TestTopics.unique("common");
        String subject = TestTopics.unique("orders") + "-value";
        String commonProto = "syntax = \"proto3\"; package c; message Money { int64 cents = 1; }";
        String orderProto = "syntax = \"proto3\"; import \"money.proto\"; message Order { c.Money total = 1; }";
        try (SandboxSchemaRegistry registry = SandboxSchemaRegistry.start(broker.bootstrapServers(), 0)) {
            post(registry.url(), "/subjects/" + common + "/versions", body(commonProto, "PROTOBUF"));
            String withReference = JSON.createObjectNode().put("schemaType", "PROTOBUF").put("schema", orderProto)
                    .set("references", JSON.createArrayNode().add(JSON.createObjectNode().put("name", "money.proto")
                            .put("subject", common).put("version", 1))).toString();
            int id = post(registry.url(), "/subjects/" + subject + "/versions", withReference).get("id").asInt();

            RegisteredSchema schema = new ConfluentRegistryClient(registry.url(), http, Optional.empty())
                    .schemaById(Integer.toString(id));

            assertThat(schema.format()).isEqualTo(SchemaFormat.PROTOBUF);
            assertThat(schema.references()).containsEntry("money.proto", commonProto);
        }
    }

    @Test
    void badRequestsGetConfluentsErrorCodes() throws Exception {
        try (SandboxSchemaRegistry registry = SandboxSchemaRegistry.start(broker.bootstrapServers(), 0)) {
            HttpResponse<String> invalid = send(registry.url(), "/subjects/x-value/versions",
                    body("{\"type\":\"record\",\"name\":\"Broken\"}", null));
            HttpResponse<String> badProto = send(registry.url(), "/subjects/y-value/versions",
                    body("message { nope", "PROTOBUF"));
            HttpResponse<String> missing = get(registry.url(), "/schemas/ids/987654");
            HttpResponse<String> noSubject = get(registry.url(), "/subjects/" + TestTopics.unique("none") + "/versions");

            assertThat(invalid.statusCode()).isEqualTo(422);
            assertThat(JSON.readTree(invalid.body()).get("error_code").asInt()).isEqualTo(42201);
            assertThat(JSON.readTree(invalid.body()).get("message").asText()).startsWith("Invalid schema: ");
            assertThat(badProto.statusCode()).isEqualTo(422);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(missing.body()).get("error_code").asInt()).isEqualTo(40403);
            assertThat(JSON.readTree(noSubject.body()).get("error_code").asInt()).isEqualTo(40401);

            ConfluentRegistryClient client = new ConfluentRegistryClient(registry.url(), http, Optional.empty());
            assertThatThrownBy(() -> client.schemaById("987654")).isInstanceOf(SchemaNotFoundException.class);
        }
    }

    @Test
    void aRegistryThatIsDown_isUnavailableNotMissing() throws Exception {
        URI gone;
        try (SandboxSchemaRegistry registry = SandboxSchemaRegistry.start(broker.bootstrapServers(), 0)) {
            gone = registry.url();
        }
        ConfluentRegistryClient client = new ConfluentRegistryClient(gone, http, Optional.empty());

        assertThatThrownBy(() -> client.schemaById("1"))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("could not be reached");
    }

    private static String body(String schema, String type) {
        var node = JSON.createObjectNode().put("schema", schema);
        if (type != null) {
            node.put("schemaType", type);
        }
        return node.toString();
    }

    private JsonNode post(URI base, String path, String body) throws Exception {
        HttpResponse<String> response = send(base, path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(URI base, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
