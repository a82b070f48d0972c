package io.triggerlab.engine.runtime.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.triggerlab.engine.controlplane.mapping.SchemaRegistryConfig;
import io.triggerlab.engine.infra.schema.RegisteredSchema;
import io.triggerlab.engine.infra.schema.SchemaFormat;
import io.triggerlab.engine.infra.schema.SchemaNotFoundException;
import io.triggerlab.engine.infra.schema.SchemaRegistryClient;
import io.triggerlab.engine.infra.schema.SchemaRegistryUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Glue path through the SDK's real Glue client against a local stand-in that speaks Glue's JSON 1.1 protocol
 * ({@code X-Amz-Target: AWSGlue.GetSchemaVersion}): the fake stands in for AWS only.
 */
class GlueRegistryStandInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KNOWN = "12345678-1234-1234-1234-123456789012";
    private static final String AVSC = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}";

    private final List<String> targets = new CopyOnWriteArrayList<>();
    private HttpServer glue;

    @BeforeEach
    void startStandIn() throws Exception {
        glue = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        glue.createContext("/", exchange -> {
            try (exchange) {
                targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
                JsonNode request = JSON.readTree(exchange.getRequestBody());
                String id = request.path("SchemaVersionId").asText();
                byte[] body;
                int status;
                if (KNOWN.equals(id)) {
                    status = 200;
                    body = JSON.createObjectNode().put("SchemaVersionId", id).put("SchemaDefinition", AVSC)
                            .put("DataFormat", "AVRO").put("Status", "AVAILABLE").put("VersionNumber", 1)
                            .toString().getBytes(StandardCharsets.UTF_8);
                } else {
                    status = 400;
                    body = JSON.createObjectNode().put("__type", "EntityNotFoundException")
                            .put("Message", "Schema version is not found.").toString().getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        glue.start();
    }

    @AfterEach
    void stopStandIn() {
        glue.stop(0);
    }

    @Test
    void glueRegistryArn_readsSchemaVersionsThroughGetSchemaVersion() {
        SchemaRegistryClient client = access().client(config("arn:aws:glue:eu-west-1:123456789012:registry/shop"));

        RegisteredSchema schema = client.schemaById(KNOWN);
        client.schemaById(KNOWN);

        assertThat(schema.format()).isEqualTo(SchemaFormat.AVRO);
        assertThat(schema.text()).isEqualTo(AVSC);
        assertThat(targets).as("fetched once, then cached").containsExactly("AWSGlue.GetSchemaVersion");
        assertThatThrownBy(() -> client.schemaById("00000000-0000-0000-0000-000000000000"))
                .isInstanceOf(SchemaNotFoundException.class).hasMessageContaining("has no schema version");
    }

    @Test
    void aUriThatIsNeitherUrlNorGlueArn_isAClearError() {
        assertThatThrownBy(() -> access().client(config("arn:aws:s3:::bucket")))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("neither a URL nor a Glue registry ARN");
    }

    private SchemaRegistryAccess access() {
        URI endpoint = URI.create("http://127.0.0.1:" + glue.getAddress().getPort());
        return new SchemaRegistryAccess(arn -> {
            throw new AssertionError("no secret expected");
        }, new SchemaRegistryAccess.GlueAccess(Optional.empty(), Optional.of(endpoint)));
    }

    private static SchemaRegistryConfig config(String uri) {
        return new SchemaRegistryConfig(uri, "JSON", List.of(), List.of(new SchemaRegistryConfig.ValidationConfig("VALUE")));
    }
}
