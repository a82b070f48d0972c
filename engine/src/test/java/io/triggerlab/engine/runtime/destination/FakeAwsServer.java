package io.triggerlab.engine.runtime.destination;

import io.triggerlab.engine.infra.secrets.AwsDestinationSettings;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A local HTTP server standing in for an AWS service: records each request, answers with the given function. */
public final class FakeAwsServer implements AutoCloseable {

    public record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public record Response(int status, String contentType, String body) {
    }

    private final HttpServer server;
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeAwsServer(Function<Request, Response> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> handle(exchange, answer));
        server.start();
    }

    private void handle(HttpExchange exchange, Function<Request, Response> answer) throws IOException {
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes());
        requests.add(request);
        Response response = answer.apply(request);
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", response.contentType());
        exchange.getResponseHeaders().add("x-amzn-RequestId", "req-1");
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    AwsDestinationSettings settings() {
        return new AwsDestinationSettings(true, "us-east-1", null,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
