package io.triggerlab.engine.infra.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where a secret must never show up, gathered for a test to search: API responses and the data directory's files. */
final class SecretScan {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SecretScan() {
    }

    /** Every mapping, the history list and each history item with its payload and logs, as the API returns them. */
    static String apiResponses(URI endpoint) throws Exception {
        StringBuilder all = new StringBuilder();
        all.append(get(endpoint, "/2015-03-31/event-source-mappings/"));
        String history = get(endpoint, "/triggerlab/v1/history?limit=500");
        all.append(history);
        for (JsonNode item : JSON.readTree(history).path("invocations")) {
            all.append(get(endpoint, "/triggerlab/v1/history/" + item.get("id").asLong()));
        }
        all.append(get(endpoint, "/triggerlab/v1/clusters")).append(get(endpoint, "/triggerlab/v1/functions"));
        return all.toString();
    }

    private static String get(URI endpoint, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body() + "\n";
    }

    /** Files under {@code root} whose bytes contain {@code value} in UTF-8 — in clear, uncompressed. */
    static List<Path> filesContaining(Path root, String value) {
        byte[] needle = value.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (contains(readQuietly(file), needle)) {
                    found.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static byte[] readQuietly(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0]; // a lock file or a segment the broker is rolling: nothing to read
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
