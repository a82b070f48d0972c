package io.triggerlab.engine.infra.schema.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.triggerlab.engine.infra.http.PooledHttpServer;
import io.triggerlab.engine.infra.schema.RegisteredSchema;
import io.triggerlab.engine.infra.schema.SchemaDecoders;
import io.triggerlab.engine.infra.schema.SchemaDecodingException;
import io.triggerlab.engine.infra.schema.SchemaFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Confluent-compatible schema registry for the embedded broker, so a new user can produce and consume Avro,
 * Protobuf and JSON Schema records with nothing installed. It serves the part of Confluent's REST API that
 * serializers, Lambda and TriggerLab use: register and look up subjects and versions, schemas by id, the schema
 * types, and the compatibility endpoints (the sandbox's level is {@code NONE}: every schema is compatible, a
 * TriggerLab choice stated in {@code GET /config}). Schemas are checked with the same libraries that decode records,
 * and kept in the compacted {@code _schemas} topic.
 */
public final class SandboxSchemaRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxSchemaRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final SchemasTopic topic;
    private final SchemaCatalog catalog = new SchemaCatalog();
    private final SchemaDecoders checker = new SchemaDecoders();
    private final PooledHttpServer server;

    private SandboxSchemaRegistry(String bootstrapServers, int port) {
        this.topic = new SchemasTopic(bootstrapServers);
        topic.readAll().forEach(catalog::add);
        try {
            this.server = PooledHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2,
                    "schema-registry-http", this::serve);
        } catch (IOException e) {
            topic.close();
            throw new UncheckedIOException("Cannot start the sandbox schema registry on port " + port + " ("
                    + e.getMessage() + "): choose another port, or 0 for a free one", e);
        }
        log.info("Sandbox schema registry listening on {} ({} subjects)", url(), catalog.subjects().size());
    }

    /** Starts the registry on {@code port} (0 for a free one), its schemas kept in the broker at {@code bootstrap}. */
    public static SandboxSchemaRegistry start(String bootstrapServers, int port) {
        return new SandboxSchemaRegistry(bootstrapServers, port);
    }

    /** The URL to give serializers and {@code SchemaRegistryURI}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.address().getPort());
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply;
            try {
                reply = route(exchange.getRequestMethod(), segments(exchange.getRequestURI()), exchange);
            } catch (RegistryError e) {
                reply = new Reply(e.status, error(e.code, e.getMessage()));
            } catch (RuntimeException e) {
                log.warn("Sandbox schema registry failed on {} {}", exchange.getRequestMethod(),
                        exchange.getRequestURI(), e);
                reply = new Reply(500, error(50001, "Error in the backend data store: " + e.getMessage()));
            }
            byte[] body = JSON.writeValueAsBytes(reply.body);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(reply.status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private Reply route(String method, List<String> path, HttpExchange exchange) throws IOException {
        int n = path.size();
        if (n == 0) {
            return ok(JSON.createObjectNode());
        }
        String head = path.get(0);
        if ("GET".equals(method) && n == 1 && "subjects".equals(head)) {
            ArrayNode subjects = JSON.createArrayNode();
            catalog.subjects().forEach(subjects::add);
            return ok(subjects);
        }
        if ("GET".equals(method) && n == 2 && "schemas".equals(head) && "types".equals(path.get(1))) {
            return ok(JSON.createArrayNode().add("JSON").add("PROTOBUF").add("AVRO"));
        }
        if ("GET".equals(method) && n >= 3 && "schemas".equals(head) && "ids".equals(path.get(1))) {
            return schemaById(path);
        }
        if (n >= 1 && "config".equals(head)) {
            return ok(JSON.createObjectNode().put("compatibilityLevel", "NONE"));
        }
        if ("POST".equals(method) && n >= 4 && "compatibility".equals(head)) {
            return ok(JSON.createObjectNode().put("is_compatible", true));
        }
        if ("subjects".equals(head) && n >= 2) {
            return subject(method, path, exchange);
        }
        throw new RegistryError(404, 404, "HTTP 404 Not Found");
    }

    private Reply subject(String method, List<String> path, HttpExchange exchange) throws IOException {
        String subject = path.get(1);
        int n = path.size();
        if ("POST".equals(method) && n == 3 && "versions".equals(path.get(2))) {
            StoredSchema registered = register(subject, JSON.readTree(read(exchange.getRequestBody())));
            return ok(JSON.createObjectNode().put("id", registered.id()));
        }
        if ("POST".equals(method) && n == 2) {
            JsonNode request = JSON.readTree(read(exchange.getRequestBody()));
            SchemaFormat format = format(request);
            String text = request.path("schema").asText();
            return catalog.versions(requireSubject(subject)).stream()
                    .filter(s -> s.format() == format && s.schema().equals(text)).findFirst()
                    .map(s -> ok(version(s)))
                    .orElseThrow(() -> new RegistryError(404, 40403, "Schema not found"));
        }
        if ("GET".equals(method) && n == 3 && "versions".equals(path.get(2))) {
            ArrayNode versions = JSON.createArrayNode();
            catalog.versions(requireSubject(subject)).forEach(s -> versions.add(s.version()));
            return ok(versions);
        }
        if ("GET".equals(method) && n >= 4 && "versions".equals(path.get(2))) {
            requireSubject(subject);
            StoredSchema found = catalog.version(subject, path.get(3)).orElseThrow(() ->
                    new RegistryError(404, 40402, "Version " + path.get(3) + " not found."));
            if (n == 5 && "schema".equals(path.get(4))) {
                return ok(JSON.readTree(found.schema()));
            }
            return ok(version(found));
        }
        throw new RegistryError(405, 405, "HTTP 405 Method Not Allowed");
    }

    private Reply schemaById(List<String> path) {
        int id;
        try {
            id = Integer.parseInt(path.get(2));
        } catch (NumberFormatException e) {
            throw new RegistryError(404, 40403, "Schema " + path.get(2) + " not found");
        }
        StoredSchema found = catalog.byId(id).orElseThrow(() ->
                new RegistryError(404, 40403, "Schema " + id + " not found"));
        if (path.size() == 4 && "versions".equals(path.get(3))) {
            ArrayNode uses = JSON.createArrayNode();
            catalog.usesOf(id).forEach(s -> uses.addObject().put("subject", s.subject()).put("version", s.version()));
            return ok(uses);
        }
        ObjectNode body = JSON.createObjectNode();
        if (found.format() != SchemaFormat.AVRO) {
            body.put("schemaType", found.format().name());
        }
        body.put("schema", found.schema());
        references(body, found);
        return ok(body);
    }

    private StoredSchema register(String subject, JsonNode request) {
        SchemaFormat format = format(request);
        if (!request.path("schema").isTextual()) {
            throw new RegistryError(422, 42201, "Invalid schema: the request has no \"schema\" string");
        }
        String text = request.path("schema").asText();
        List<StoredSchema.Reference> references = new ArrayList<>();
        Map<String, String> referencedTexts = new LinkedHashMap<>();
        for (JsonNode reference : request.path("references")) {
            String refSubject = reference.path("subject").asText();
            StoredSchema referenced = catalog.version(refSubject, reference.path("version").asText("latest"))
                    .orElseThrow(() -> new RegistryError(422, 42201, "Invalid schema: reference "
                            + reference.path("name").asText() + " names " + refSubject + " version "
                            + reference.path("version").asText() + ", which is not registered"));
            references.add(new StoredSchema.Reference(reference.path("name").asText(), refSubject,
                    referenced.version()));
            referencedTexts.put(reference.path("name").asText(), referenced.schema());
        }
        try {
            checker.check(new RegisteredSchema("check-" + subject + "-" + text.hashCode(), format, text,
                    referencedTexts));
        } catch (SchemaDecodingException e) {
            throw new RegistryError(422, 42201, "Invalid schema: " + e.getMessage());
        }
        SchemaCatalog.Registration registration = catalog.register(subject, format, text, references);
        if (registration.created()) {
            topic.write(registration.schema());
            log.info("Sandbox registry: {} version {} registered with id {} ({})", subject,
                    registration.schema().version(), registration.schema().id(), format);
        }
        return registration.schema();
    }

    private String requireSubject(String subject) {
        if (catalog.versions(subject).isEmpty()) {
            throw new RegistryError(404, 40401, "Subject '" + subject + "' not found.");
        }
        return subject;
    }

    private static SchemaFormat format(JsonNode request) {
        try {
            return SchemaFormat.fromRegistryName(request.path("schemaType").asText(null));
        } catch (IllegalArgumentException e) {
            throw new RegistryError(422, 42201, "Invalid schema: " + e.getMessage());
        }
    }

    private static ObjectNode version(StoredSchema schema) {
        ObjectNode body = JSON.createObjectNode().put("subject", schema.subject()).put("version", schema.version())
                .put("id", schema.id());
        if (schema.format() != SchemaFormat.AVRO) {
            body.put("schemaType", schema.format().name());
        }
        body.put("schema", schema.schema());
        references(body, schema);
        return body;
    }

    private static void references(ObjectNode body, StoredSchema schema) {
        if (schema.references().isEmpty()) {
            return;
        }
        ArrayNode references = body.putArray("references");
        for (StoredSchema.Reference reference : schema.references()) {
            references.addObject().put("name", reference.name()).put("subject", reference.subject())
                    .put("version", reference.version());
        }
    }

    private static List<String> segments(URI uri) {
        List<String> segments = new ArrayList<>();
        for (String raw : uri.getRawPath().split("/")) {
            if (!raw.isEmpty()) {
                segments.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(16 * 1024 * 1024 + 1);
        if (body.length > 16 * 1024 * 1024) {
            throw new RegistryError(413, 413, "Request body over 16 MiB");
        }
        return body;
    }

    private static Reply ok(JsonNode body) {
        return new Reply(200, body);
    }

    private static ObjectNode error(int code, String message) {
        return JSON.createObjectNode().put("error_code", code).put("message", message);
    }

    @Override
    public void close() {
        server.close();
        topic.close();
    }

    private record Reply(int status, JsonNode body) {
    }

    /** An answer in Confluent's error shape: {@code {"error_code":40401,"message":…}}. */
    private static final class RegistryError extends RuntimeException {
        private final int status;
        private final int code;

        RegistryError(int status, int code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }
}
