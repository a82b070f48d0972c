package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.triggerlab.engine.controlplane.mapping.RequestTooLargeException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the routes see it: method, raw path, decoded query parameters and the JSON body. The body is
 * read at most once, never beyond {@link #MAX_BODY_BYTES}, and must be JSON.
 */
final class ApiRequest {

    /** Larger bodies are refused with 413 before they are parsed; a mapping's JSON is a few kilobytes. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** How much of an oversized body is read and discarded before answering 413. */
    static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;

    private final HttpExchange exchange;
    private final ObjectMapper json;
    private final Map<String, List<String>> query;

    ApiRequest(HttpExchange exchange, ObjectMapper json) {
        this.exchange = exchange;
        this.json = json;
        this.query = parseQuery(exchange.getRequestURI().getRawQuery());
    }

    String method() {
        return exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    /** The path exactly as sent, still percent-encoded. */
    String rawPath() {
        String path = exchange.getRequestURI().getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** A query parameter, percent-decoded, or {@code null} when absent. A repeated parameter keeps its first value. */
    String query(String name) {
        List<String> values = query.get(name);
        return values == null ? null : values.get(0);
    }

    /** Every value of a repeated query parameter ({@code tagKeys=a&tagKeys=b}), in order; empty when absent. */
    List<String> queryValues(String name) {
        return query.getOrDefault(name, List.of());
    }

    /**
     * The body as a JSON object.
     *
     * @throws ApiException 413 over the size limit, 415 for a non-JSON content type, 400 when empty or not a JSON object
     */
    JsonNode jsonBody() {
        requireJsonContentType();
        byte[] body = readBody();
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw ApiException.serialization("The request body is empty: send a JSON object "
                    + "(Content-Type: application/json)");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonParseException e) {
            throw ApiException.serialization("The request body is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (JsonProcessingException e) {
            throw ApiException.serialization("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw ApiException.serialization("The request body must be a JSON object ({...}), but it is "
                    + JsonFields.describe(node));
        }
        return node;
    }

    /** No content type is taken as JSON (hand-written clients often omit it); anything else that is not JSON is refused. */
    private void requireJsonContentType() {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean jsonMedia = media.equals("application/json") || media.equals("text/json")
                || media.startsWith("application/x-amz-json-") || media.endsWith("+json");
        if (!jsonMedia) {
            throw new ApiException(415, "UnsupportedMediaTypeException", "The content type '" + contentType
                    + "' is not supported: send the body as JSON with Content-Type: application/json");
        }
    }

    private byte[] readBody() {
        try (InputStream in = exchange.getRequestBody()) {
            if (declaredLength() > MAX_BODY_BYTES) {
                throw tooLarge(in);
            }
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge(in);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the request body", e);
        }
    }

    private long declaredLength() {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1; // the JDK server refuses a malformed Content-Length itself
        }
    }

    /**
     * Reads and discards the rest of an oversized body (up to {@link #MAX_DRAIN_BYTES}) so that the client, still
     * sending, gets to read the 413 instead of a reset connection.
     */
    private static ApiException tooLarge(InputStream in) throws IOException {
        long drained = 0;
        byte[] buffer = new byte[64 * 1024];
        int n;
        while (drained < MAX_DRAIN_BYTES && (n = in.read(buffer)) >= 0) {
            drained += n;
        }
        return tooLarge();
    }

    private static ApiException tooLarge() {
        RequestTooLargeException e = new RequestTooLargeException("Request must be smaller than " + MAX_BODY_BYTES
                + " bytes for this operation");
        return ApiException.of(e);
    }

    /** Percent-decodes; a {@code +} stays a plus (SigV4 clients encode a space as {@code %20}). */
    static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = decode(eq < 0 ? "" : pair.substring(eq + 1));
            if (name == null || value == null) {
                throw ApiException.serialization("The query parameter '" + pair + "' is not valid percent-encoding");
            }
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }
}
