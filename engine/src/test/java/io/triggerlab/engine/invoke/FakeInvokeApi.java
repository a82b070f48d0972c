package io.triggerlab.engine.invoke;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small real HTTP server on 127.0.0.1 that answers Lambda's Invoke API the way AWS does, one {@link Mode} at a time,
 * and remembers every request it received.
 */
final class FakeInvokeApi implements AutoCloseable {

    enum Mode { SUCCESS, FUNCTION_ERROR, THROTTLED, TOO_LARGE, SLOW, REMOTE_TIMEOUT }

    record Received(String method, String path, String query, Headers headers, byte[] body) {
    }

    static final String LOG_TAIL = "START RequestId: 6f1c Version: $LATEST\nprocessing 1 record\nEND RequestId: 6f1c\n";
    static final String FUNCTION_ERROR_BODY = "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\","
            + "\"stackTrace\":[\"example.Handler.handleRequest(Handler.java:12)\"]}";
    static final String THROTTLED_BODY = "{\"Reason\":\"ConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}";
    static final String TOO_LARGE_BODY = "{\"Message\":\"Request must be smaller than 6291456 bytes for the InvokeFunction operation\"}";
    static final String REMOTE_TIMEOUT_BODY = "{\"errorMessage\":\"2026-01-01T10:00:00.000Z 6f1c Task timed out after 3.00 seconds\"}";

    private static final Pattern INVOKE_PATH = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");

    private final String functionName;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> new Thread(r, "fake-invoke-api"));
    private final CountDownLatch releaseSlowRequests = new CountDownLatch(1);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.SUCCESS;
    private volatile byte[] responseBody = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

    FakeInvokeApi(String functionName) throws IOException {
        this.functionName = functionName;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    void respondWith(String body) {
        this.responseBody = body.getBytes(StandardCharsets.UTF_8);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received lastRequest() {
        return received.get(received.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            received.add(new Received(exchange.getRequestMethod(), uri.getPath(), uri.getQuery(), exchange.getRequestHeaders(), body));
            Matcher path = INVOKE_PATH.matcher(uri.getPath());
            if (!exchange.getRequestMethod().equals("POST") || !path.matches() || !path.group(1).equals(functionName)) {
                error(exchange, 404, "ResourceNotFoundException",
                        "{\"Type\":\"User\",\"Message\":\"Function not found: " + uri.getPath() + "\"}");
                return;
            }
            switch (mode) {
                case SUCCESS -> success(exchange, responseBody, null);
                case FUNCTION_ERROR -> success(exchange, FUNCTION_ERROR_BODY.getBytes(StandardCharsets.UTF_8), "Unhandled");
                case REMOTE_TIMEOUT -> success(exchange, REMOTE_TIMEOUT_BODY.getBytes(StandardCharsets.UTF_8), "Unhandled");
                case THROTTLED -> {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    error(exchange, 429, "TooManyRequestsException", THROTTLED_BODY);
                }
                case TOO_LARGE -> {
                    // Real AWS spells the header this way and uses an exception name the SDK model does not know.
                    exchange.getResponseHeaders().add("X-Amzn-Errortype", "RequestEntityTooLargeException");
                    send(exchange, 413, TOO_LARGE_BODY.getBytes(StandardCharsets.UTF_8));
                }
                case SLOW -> {
                    releaseSlowRequests.await(60, TimeUnit.SECONDS);
                    success(exchange, responseBody, null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (the invoker gave up on a slow call): nothing to answer.
        }
    }

    private static void success(HttpExchange exchange, byte[] body, String functionError) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.add("X-Amz-Executed-Version", "$LATEST");
        headers.add("X-Amz-Log-Result", Base64.getEncoder().encodeToString(LOG_TAIL.getBytes(StandardCharsets.UTF_8)));
        if (functionError != null) {
            headers.add("X-Amz-Function-Error", functionError);
        }
        send(exchange, 200, body);
    }

    private static void error(HttpExchange exchange, int status, String errorType, String body) throws IOException {
        exchange.getResponseHeaders().add("X-Amzn-ErrorType", errorType);
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("x-amzn-RequestId", "6f1c0000-0000-4000-8000-000000000000");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        releaseSlowRequests.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
