package io.triggerlab.engine.runtime.poll;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A function behind a real HTTP server that speaks Lambda's Invoke wire protocol (docs/aws-behaviour.md#wire-protocol): the poller reaches it
 * through the AWS SDK's LambdaClient exactly as it would reach sam local, the RIE or AWS. It keeps every event it
 * receives and answers as the test's {@link Behaviour} says.
 */
public final class InvokeApiFunction implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** How the function answers its n-th call (1-based). */
    @FunctionalInterface
    interface Behaviour {
        Response respond(int call, byte[] event) throws Exception;
    }

    record Response(boolean functionError, String body, long delayMillis, int status) {
        Response(boolean functionError, String body, long delayMillis) {
            this(functionError, body, delayMillis, 200);
        }

        /** The Invoke API's 429: the function is throttled (its concurrency is exhausted). */
        static Response throttled() {
            return new Response(false, "{\"message\":\"Rate Exceeded.\",\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\"}",
                    0, 429);
        }

        static Response ok() {
            return new Response(false, "null", 0);
        }

        static Response error(String message) {
            return new Response(true, "{\"errorMessage\":\"" + message + "\",\"errorType\":\"java.lang.RuntimeException\"}", 0);
        }

        static Response slow(long millis) {
            return new Response(false, "null", millis);
        }
    }

    /** One record as the function saw it. */
    public record Delivered(String topic, int partition, long offset, String value) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> new Thread(r, "it-function-http"));
    private final List<byte[]> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Behaviour behaviour = (call, event) -> Response.ok();

    public InvokeApiFunction() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/2015-03-31/functions/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void behave(Behaviour newBehaviour) {
        this.behaviour = newBehaviour;
    }

    public int calls() {
        return calls.get();
    }

    List<byte[]> events() {
        return List.copyOf(events);
    }

    /** Every record of every event received, in the order received. */
    public List<Delivered> delivered() {
        List<Delivered> out = new ArrayList<>();
        for (byte[] event : events) {
            out.addAll(recordsOf(event));
        }
        return out;
    }

    /**
     * The records of one event, read through AWS's own event class ({@code aws-lambda-java-events} KafkaEvent), so
     * every payload the integration tests see is also proven to deserialize as a Java function would receive it.
     */
    static List<Delivered> recordsOf(byte[] event) {
        try {
            KafkaEvent parsed = JSON.readValue(event, KafkaEvent.class);
            List<Delivered> out = new ArrayList<>();
            parsed.getRecords().forEach((key, records) -> {
                for (KafkaEvent.KafkaEventRecord r : records) {
                    if (!key.equals(r.getTopic() + "-" + r.getPartition())) {
                        throw new IllegalStateException("Record of " + r.getTopic() + "-" + r.getPartition() + " under key " + key);
                    }
                    String value = r.getValue() == null ? null
                            : new String(Base64.getDecoder().decode(r.getValue()), StandardCharsets.UTF_8);
                    out.add(new Delivered(r.getTopic(), r.getPartition(), r.getOffset(), value));
                }
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        int call = calls.incrementAndGet();
        events.add(body);
        Response response;
        try {
            response = behaviour.respond(call, body);
            if (response.delayMillis() > 0) {
                Thread.sleep(response.delayMillis()); // the function's own run time, as seen by the caller
            }
        } catch (Exception e) {
            response = Response.error(e.toString());
        }
        byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
        if (response.functionError()) {
            exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
        }
        if (response.status() == 429) {
            exchange.getResponseHeaders().add("X-Amzn-ErrorType", "TooManyRequestsException");
        }
        try {
            exchange.sendResponseHeaders(response.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        } catch (IOException e) {
            // The caller gave up (a timeout); nothing to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
