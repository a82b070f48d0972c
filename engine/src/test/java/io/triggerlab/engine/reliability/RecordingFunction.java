package io.triggerlab.engine.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault suite's function: a real HTTP server speaking Lambda's Invoke wire protocol, shared by every engine process
 * of the run through its endpoint URL. Each call is answered as the current {@link FaultMix} draws it — success,
 * function error, throttled (429) or too slow (the caller's timeout) — and only a success puts the event's records in
 * the {@link DeliveryLedger}, before the answer is sent (so a success the engine never hears of is a duplicate later).
 */
final class RecordingFunction implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Shares of the calls that fail each way; the rest succeed. */
    record FaultMix(double errors, double timeouts, double throttles) {
        static final FaultMix NONE = new FaultMix(0, 0, 0);
    }

    private final DeliveryLedger ledger;
    private final Duration slowness;
    private final HttpServer server;
    private final AtomicInteger threadIds = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "fault-function-http-" + threadIds.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final Random random;
    private volatile FaultMix mix = FaultMix.NONE;
    final AtomicLong calls = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();
    final AtomicLong throttles = new AtomicLong();

    /** @param slowness how long a "timeout" call takes: longer than the function timeout plus the invoker's grace */
    RecordingFunction(DeliveryLedger ledger, Duration slowness, long seed) {
        this.ledger = ledger;
        this.slowness = slowness;
        this.random = new Random(seed);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/2015-03-31/functions/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void inject(FaultMix newMix) {
        this.mix = newMix;
    }

    private enum Outcome { SUCCESS, ERROR, TIMEOUT, THROTTLE }

    /**
     * Timeouts are few and each costs seconds, so they come on a fixed beat (every {@code 1 / timeouts}-th call) rather
     * than by chance: even a short run meets some. Errors and throttling are drawn from the seeded random.
     */
    private Outcome draw(long call) {
        FaultMix m = mix;
        if (m.timeouts() > 0 && call % Math.max(1, Math.round(1 / m.timeouts())) == 0) {
            return Outcome.TIMEOUT;
        }
        double r;
        synchronized (random) {
            r = random.nextDouble();
        }
        if (r < m.throttles()) {
            return Outcome.THROTTLE;
        }
        if (r < m.throttles() + m.errors()) {
            return Outcome.ERROR;
        }
        return Outcome.SUCCESS;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Outcome outcome = draw(calls.incrementAndGet());
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        switch (outcome) {
            case THROTTLE -> {
                throttles.incrementAndGet();
                exchange.getResponseHeaders().add("X-Amzn-ErrorType", "TooManyRequestsException");
                answer(exchange, 429, "{\"Type\":\"User\",\"message\":\"Rate Exceeded.\",\"Reason\":\"ConcurrentInvocationLimitExceeded\"}");
            }
            case ERROR -> {
                errors.incrementAndGet();
                exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
                answer(exchange, 200, "{\"errorMessage\":\"injected failure\",\"errorType\":\"java.lang.RuntimeException\"}");
            }
            case TIMEOUT -> {
                timeouts.incrementAndGet();
                sleep(slowness);
                answer(exchange, 200, "null"); // too late: the caller has given up and counts it as timed out
            }
            default -> {
                ledger.accepted(recordsOf(body));
                answer(exchange, 200, "null");
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis()); // the function's own run time, which is the fault being injected
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        } catch (IOException e) {
            // The engine went away (killed, or it timed out); nothing to answer.
        }
    }

    static List<DeliveryLedger.Delivery> recordsOf(byte[] event) throws IOException {
        JsonNode records = JSON.readTree(event).path("records");
        List<DeliveryLedger.Delivery> out = new ArrayList<>();
        for (Iterator<JsonNode> lists = records.elements(); lists.hasNext(); ) {
            for (JsonNode r : lists.next()) {
                JsonNode value = r.get("value");
                out.add(new DeliveryLedger.Delivery(r.get("partition").asInt(), r.get("offset").asLong(),
                        value == null || value.isNull() ? null
                                : new String(Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
