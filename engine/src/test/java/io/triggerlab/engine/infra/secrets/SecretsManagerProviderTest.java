package io.triggerlab.engine.infra.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The AWS Secrets Manager provider against a local server that speaks Secrets Manager's real wire protocol
 * (JSON 1.1: {@code POST /}, {@code X-Amz-Target: secretsmanager.GetSecretValue}, errors as {@code __type}).
 */
class SecretsManagerProviderTest {

    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:kafka-AbCdEf";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private SecretsManagerProvider provider;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        provider = new SecretsManagerProvider(new SecretsManagerProvider.Settings("eu-west-1", null,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI")));
    }

    @AfterEach
    void stop() {
        provider.close();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(Map.of("method", exchange.getRequestMethod(),
                "target", String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target")),
                "contentType", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                "secretId", body.path("SecretId").asText()));
        String id = body.path("SecretId").asText();
        String value = secrets.get(id);
        if (value == null) {
            reply(exchange, 400, "{\"__type\":\"ResourceNotFoundException\","
                    + "\"message\":\"Secrets Manager can't find the specified secret.\"}");
        } else if (value.equals("DENY")) {
            reply(exchange, 400, "{\"__type\":\"AccessDeniedException\",\"Message\":\"User is not authorized\"}");
        } else {
            reply(exchange, 200, JSON.writeValueAsString(Map.of("ARN", id, "Name", "kafka",
                    "SecretString", value, "VersionId", "a1b2c3", "VersionStages", List.of("AWSCURRENT"),
                    "CreatedDate", 1.700000000123E9)));
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().add("x-amzn-RequestId", "req-1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void readsTheSecretString_withASignedGetSecretValueCall() {
        secrets.put(ARN, "{\"username\":\"alice\",\"password\":\"pw\"}");
        assertThat(provider.secretValue(ARN).json()).isEqualTo("{\"username\":\"alice\",\"password\":\"pw\"}");
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("method", "POST").containsEntry("target", "secretsmanager.GetSecretValue")
                    .containsEntry("contentType", "application/x-amz-json-1.1").containsEntry("secretId", ARN);
            assertThat(r.get("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                    .contains("/eu-west-1/secretsmanager/aws4_request");
        });
    }

    @Test
    void anUnknownSecret_isNotFound_namingTheArnAndRegion() {
        assertThatThrownBy(() -> provider.secretValue(ARN))
                .isInstanceOf(SecretNotFoundException.class)
                .hasMessage("Secret " + ARN + " was not found in AWS Secrets Manager (region eu-west-1). "
                        + "Check the ARN and the region, or put it in the local vault instead.");
    }

    @Test
    void aRefusal_isAnAccessError_namingTheAwsErrorCode() {
        secrets.put(ARN, "DENY");
        assertThatThrownBy(() -> provider.secretValue(ARN))
                .isInstanceOf(SecretAccessException.class)
                .hasMessageContaining("AccessDeniedException (HTTP 400)")
                .hasMessageContaining("secretsmanager:GetSecretValue");
    }

    @Test
    void theResolver_prefersTheLocalVault_andAsksAwsForTheRest(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        LocalVault vault = LocalVault.open(dir, java.time.Clock.systemUTC());
        String local = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:local";
        vault.put(local, new SecretValue("{\"certificate\":\"C\"}"));
        secrets.put(ARN, "{\"certificate\":\"A\"}");
        SecretResolver resolver = new SecretResolver(vault, provider);
        assertThat(resolver.secretValue(local).json()).isEqualTo("{\"certificate\":\"C\"}");
        assertThat(resolver.secretValue(ARN).json()).isEqualTo("{\"certificate\":\"A\"}");
        assertThat(requests).extracting(r -> r.get("secretId")).containsExactly(ARN);
        assertThatThrownBy(() -> new SecretResolver(vault, null).secretValue(ARN))
                .isInstanceOf(SecretNotFoundException.class).hasMessageContaining("not in the local vault");
    }
}
