package io.triggerlab.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The CLI's way to a running engine: its local API. The data directory is locked by that engine, so the CLI never
 * opens the database itself while one runs.
 */
final class EngineApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    EngineApiClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).GET());
    }

    JsonNode post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    JsonNode put(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    JsonNode delete(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).DELETE());
    }

    static ObjectMapper json() {
        return JSON;
    }

    private URI resolve(String path) {
        return URI.create(endpoint.toString().replaceAll("/+$", "") + path);
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            if (response.statusCode() >= 400) {
                String type = response.headers().firstValue("X-Amzn-ErrorType").orElse("HTTP " + response.statusCode());
                String message = body.path("message").asText(body.path("Message").asText(response.body()));
                throw new IllegalArgumentException(type + ": " + message);
            }
            return body;
        } catch (ConnectException e) {
            throw new IllegalArgumentException("No TriggerLab engine answers at " + endpoint
                    + ": start one with 'triggerlab serve', or pass --endpoint with its Lambda API address");
        } catch (IOException e) {
            throw new IllegalArgumentException("The engine at " + endpoint + " did not answer properly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("Interrupted while talking to " + endpoint);
        }
    }
}
