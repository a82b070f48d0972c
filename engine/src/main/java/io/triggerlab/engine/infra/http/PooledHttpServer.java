package io.triggerlab.engine.infra.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's HTTP server with a pool of named daemon threads it owns: started listening, and on {@link #close()}
 * stopped with its threads (the engine's Lambda API and the sandbox schema registry each run one).
 */
public final class PooledHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private PooledHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Listens on {@code address} and answers every path with {@code handler} on {@code threads} threads named
     * {@code threadName-1}, {@code threadName-2}…
     *
     * @throws IOException when the address cannot be bound (e.g. the port is taken)
     */
    public static PooledHttpServer start(InetSocketAddress address, int threads, String threadName,
                                         HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        AtomicInteger next = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, threadName + "-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        return new PooledHttpServer(server, executor);
    }

    /** The bound address, with the chosen port when started on port 0. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops listening at once and waits up to five seconds for the requests being answered. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
