package io.triggerlab.engine.invoke.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lambda's Runtime API (version 2018-06-01) for one execution environment, on 127.0.0.1 and an ephemeral port.
 *
 * <p>{@code GET /runtime/invocation/next} is held until there is an invocation, as Lambda holds it: AWS's runtime
 * interface clients crash on any other answer (shared/notes/runtime-api.md). A runtime's replies complete the
 * invocation's future; a response over {@link #MAX_RESPONSE_BYTES} is refused with 413 and reported as too large.
 */
final class RuntimeApiServer implements AutoCloseable {

    /** Lambda's synchronous response limit, in the words of its error message (6 MB plus 100 bytes of framing). */
    static final int MAX_RESPONSE_BYTES = 6_291_556;
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeApiServer.class);

    static {
        // The JDK server writes headers and body as two segments: without TCP_NODELAY every reply waits ~40 ms.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor;
    private final SynchronousQueue<PendingInvocation> handOff = new SynchronousQueue<>();
    private final AtomicReference<PendingInvocation> current = new AtomicReference<>();
    private final CompletableFuture<Long> firstNext = new CompletableFuture<>();
    private final CompletableFuture<RuntimeReply> initError = new CompletableFuture<>();
    /** Counts {@code /next} calls, so an invocation can wait for the runtime to come back for the next one. */
    private final AtomicInteger nextCalls = new AtomicInteger();
    private final Object nextMonitor = new Object();
    private volatile boolean closed;

    /** @param name the environment's name, for thread names and logs */
    RuntimeApiServer(String name) throws IOException {
        this.name = name;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        AtomicInteger threads = new AtomicInteger();
        // Two at most are busy (a held /next and a reply); a few more absorb a client that opens extra connections.
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "runtime-api-" + name + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** {@code 127.0.0.1:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** Completes with {@link System#nanoTime()} of the first {@code /next}: the end of the init phase. */
    CompletableFuture<Long> firstNext() {
        return firstNext;
    }

    /** Completes when the runtime reports an init error. */
    CompletableFuture<RuntimeReply> initError() {
        return initError;
    }

    int nextCalls() {
        return nextCalls.get();
    }

    /** Waits until the runtime has called {@code /next} more than {@code seen} times, at most {@code nanos}. */
    boolean awaitNextCall(int seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (nextMonitor) {
            while (nextCalls.get() <= seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(nextMonitor, left);
            }
        }
        return true;
    }

    /**
     * Hands an invocation to the runtime's waiting (or next) {@code /next}; false when the runtime did not ask within
     * {@code nanos}.
     */
    boolean deliver(PendingInvocation invocation, long nanos) throws InterruptedException {
        current.set(invocation);
        if (handOff.offer(invocation, nanos, TimeUnit.NANOSECONDS)) {
            return true;
        }
        current.compareAndSet(invocation, null);
        return false;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if (path.equals("invocation/next") && method.equals("GET")) {
                next(exchange);
            } else if (path.equals("init/error") && method.equals("POST")) {
                byte[] body = readLimited(exchange.getRequestBody(), MAX_RESPONSE_BYTES);
                initError.complete(new RuntimeReply.InitError(errorTypeHeader(exchange), body == null ? new byte[0] : body));
                accepted(exchange);
            } else if (path.startsWith("invocation/") && method.equals("POST")) {
                reply(exchange, path.substring("invocation/".length()));
            } else {
                send(exchange, 404, "{\"errorMessage\":\"Unknown Runtime API resource " + method + " " + PREFIX + path
                        + "\",\"errorType\":\"InvalidRequest\"}");
            }
        } catch (RuntimeException e) {
            LOG.warn("Runtime API of {} failed on {}: {}", name, exchange.getRequestURI(), e.toString());
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstNext.complete(System.nanoTime());
        synchronized (nextMonitor) {
            nextCalls.incrementAndGet();
            nextMonitor.notifyAll();
        }
        PendingInvocation invocation;
        try {
            invocation = handOff.take();
        } catch (InterruptedException e) {
            // The environment is being stopped: its process is killed with it, so the runtime never sees an answer.
            Thread.currentThread().interrupt();
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineMs()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", invocation.functionArn());
        headers.set("Lambda-Runtime-Trace-Id", invocation.traceId());
        headers.set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, invocation.event().length == 0 ? -1 : invocation.event().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(invocation.event());
        }
    }

    private void reply(HttpExchange exchange, String rest) throws IOException {
        int slash = rest.indexOf('/');
        String requestId = slash < 0 ? rest : rest.substring(0, slash);
        String kind = slash < 0 ? "" : rest.substring(slash + 1);
        PendingInvocation invocation = current.get();
        if (invocation == null || !invocation.requestId().equals(requestId) || invocation.reply().isDone()) {
            exchange.getRequestBody().readAllBytes();
            send(exchange, 400, "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
            return;
        }
        switch (kind) {
            case "response" -> {
                byte[] body = readLimited(exchange.getRequestBody(), MAX_RESPONSE_BYTES);
                if (body == null) {
                    invocation.reply().complete(new RuntimeReply.ResponseTooLarge(MAX_RESPONSE_BYTES + 1L));
                    send(exchange, 413, "{\"errorMessage\":\"Exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES
                            + " bytes).\",\"errorType\":\"RequestEntityTooLarge\"}");
                    return;
                }
                invocation.reply().complete(new RuntimeReply.Response(body));
                accepted(exchange);
            }
            case "error" -> {
                byte[] body = readLimited(exchange.getRequestBody(), MAX_RESPONSE_BYTES);
                invocation.reply().complete(new RuntimeReply.Error(errorTypeHeader(exchange), body == null ? new byte[0] : body));
                accepted(exchange);
            }
            default -> {
                exchange.getRequestBody().readAllBytes();
                send(exchange, 404, "{\"errorMessage\":\"Unknown Runtime API resource invocation/" + rest
                        + "\",\"errorType\":\"InvalidRequest\"}");
            }
        }
    }

    private static String errorTypeHeader(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        return type == null ? "" : type;
    }

    /** The whole body, or {@code null} (after draining it) when it is over {@code limit} bytes. */
    private static byte[] readLimited(InputStream in, int limit) throws IOException {
        byte[] body = in.readNBytes(limit + 1);
        if (body.length <= limit) {
            return body;
        }
        in.transferTo(OutputStream.nullOutputStream());
        return null;
    }

    private static void accepted(HttpExchange exchange) throws IOException {
        send(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Stops serving; a held {@code /next} is abandoned (its process is stopped by the environment). */
    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
