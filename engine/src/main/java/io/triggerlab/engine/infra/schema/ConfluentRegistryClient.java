package io.triggerlab.engine.infra.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A Confluent-compatible registry's REST API ({@code GET /schemas/ids/{id}}, and
 * {@code GET /subjects/{subject}/versions/{version}} for Protobuf imports): Confluent Platform and Cloud, Apicurio's
 * ccompat API, Redpanda, Karapace, and TriggerLab's sandbox registry.
 */
public final class ConfluentRegistryClient implements SchemaRegistryClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** A Confluent error body's {@code message}, or the body itself when it has none. */
    private static final UnaryOperator<String> JSON_MESSAGE = body -> {
        try {
            return JSON.readTree(body).path("message").asText(abbreviate(body));
        } catch (IOException e) {
            return abbreviate(body);
        }
    };

    private final URI base;
    private final HttpClient http;
    private final Optional<String> authorization;

    /**
     * @param base        the registry URL ({@code SchemaRegistryURI})
     * @param http        a client carrying the TLS settings of the mapping's access configs
     * @param credentials {@code BASIC_AUTH} user and password, when configured
     */
    public ConfluentRegistryClient(URI base, HttpClient http, Optional<BasicCredentials> credentials) {
        String text = Objects.requireNonNull(base, "base").toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.http = Objects.requireNonNull(http, "http");
        this.authorization = credentials.map(c -> "Basic " + Base64.getEncoder().encodeToString(
                (c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public RegisteredSchema schemaById(String schemaId) {
        JsonNode body = get("schemas/ids/" + encode(schemaId), "schema id " + schemaId);
        return new RegisteredSchema(schemaId, SchemaFormat.fromRegistryName(body.path("schemaType").asText(null)),
                body.path("schema").asText(), references(body.path("references")));
    }

    private Map<String, String> references(JsonNode references) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (JsonNode reference : references) {
            String name = reference.path("name").asText();
            String subject = reference.path("subject").asText();
            String version = reference.path("version").asText("latest");
            JsonNode referenced = get("subjects/" + encode(subject) + "/versions/" + encode(version),
                    "reference " + name + " (subject " + subject + " version " + version + ")");
            texts.put(name, referenced.path("schema").asText());
            texts.putAll(references(referenced.path("references")));
        }
        return texts;
    }

    /**
     * Registers {@code text} under {@code subject} ({@code POST /subjects/{subject}/versions}), as a serializer with
     * auto-registration does; the registry answers the existing id when that schema is already registered.
     *
     * @return the schema id records carry
     * @throws SchemaEncodingException the registry refused the schema (HTTP 409 incompatible, 422 invalid)
     */
    public int register(String subject, SchemaFormat format, String text) {
        ObjectNode request = JSON.createObjectNode();
        if (format != SchemaFormat.AVRO) {
            request.put("schemaType", format.name());
        }
        request.put("schema", text);
        HttpRequest.Builder post = request("subjects/" + encode(subject) + "/versions")
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString(), StandardCharsets.UTF_8));
        return send(post, "registration under subject " + subject).path("id").asInt();
    }

    /** The registry's subjects ({@code GET /subjects}), in its order. */
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        get("subjects", "subject list").forEach(s -> subjects.add(s.asText()));
        return subjects;
    }

    /** The newest version of a subject: its id, format and text. */
    public RegisteredSchema latest(String subject) {
        JsonNode body = get("subjects/" + encode(subject) + "/versions/latest", "subject " + subject);
        return new RegisteredSchema(body.path("id").asText(), SchemaFormat.fromRegistryName(
                body.path("schemaType").asText(null)), body.path("schema").asText(), references(body.path("references")));
    }

    /** The subjects that use a schema id ({@code GET /schemas/ids/{id}/versions}), e.g. {@code orders-value}. */
    public List<String> subjectsOf(String schemaId) {
        List<String> subjects = new ArrayList<>();
        get("schemas/ids/" + encode(schemaId) + "/versions", "schema id " + schemaId)
                .forEach(use -> subjects.add(use.path("subject").asText()));
        return subjects;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/vnd.schemaregistry.v1+json, application/json");
        authorization.ifPresent(value -> request.header("Authorization", value));
        return request;
    }

    private JsonNode get(String path, String what) {
        return send(request(path).GET(), what);
    }

    private JsonNode send(HttpRequest.Builder request, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SchemaRegistryUnavailableException("Schema registry " + base + " could not be reached: "
                    + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryUnavailableException("Interrupted while asking schema registry " + base, e);
        }
        int status = response.statusCode();
        if (status == 409 || status == 422) {
            throw new SchemaEncodingException("Schema registry " + base + " refused the " + what + " (HTTP " + status
                    + "): " + JSON_MESSAGE.apply(response.body()));
        }
        if (status == 404) {
            throw new SchemaNotFoundException("Schema registry " + base + " has no " + what);
        }
        if (status == 401 || status == 403) {
            throw new SchemaRegistryUnavailableException("Schema registry " + base + " refused the credentials (HTTP "
                    + status + "): check the BASIC_AUTH secret of the trigger's SchemaRegistryConfig");
        }
        if (status != 200) {
            throw new SchemaRegistryUnavailableException("Schema registry " + base + " answered HTTP " + status
                    + " for " + what + ": " + abbreviate(response.body()));
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryUnavailableException("Schema registry " + base + " answered " + what
                    + " with a body that is not JSON: " + abbreviate(response.body()), e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }

    /** A {@code BASIC_AUTH} secret's {@code username} and {@code password}. */
    public record BasicCredentials(String username, String password) {
        @Override
        public String toString() {
            return "BasicCredentials[username=" + username + ", password=****]";
        }
    }
}
