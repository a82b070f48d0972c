package io.triggerlab.bench;

import io.triggerlab.bench.function.NoopHandler;
import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.observe.events.EngineEventBus;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.invoke.function.JavaHandlerTarget;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.SelfManagedEventSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A fresh engine on its own data directory, polling the benchmark's broker as a self-managed cluster, with one
 * in-process Java function and one mapping from TRIM_HORIZON (as EngineHarness does in the engine's tests).
 */
final class BenchEngine implements AutoCloseable {

    private static final String FUNCTION = "bench-function";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Engine engine;
    private final EventSourceMapping mapping;

    private BenchEngine(Engine engine, EventSourceMapping mapping) {
        this.engine = engine;
        this.mapping = mapping;
    }

    /** Starts the engine and a mapping of {@code handler} on {@code topic}, and waits until the mapping is Enabled. */
    static BenchEngine start(Path dataDirectory, String bootstrap, EngineVariant variant, String topic,
                             Class<?> handler) {
        Engine engine = Engine.start(EngineConfig.defaults(dataDirectory).withApiPort(0)
                .withExternalBootstrap(bootstrap).withKeepHistoryPayloads(variant.keepPayloads()),
                new EngineEventBus(), variant.metricsSettings());
        try {
            engine.functions().register(new FunctionDefinition(FUNCTION,
                    new JavaHandlerTarget(List.of(classDirectory()), handler.getName() + "::handleRequest"),
                    Duration.ofSeconds(60), engine.config().region(), engine.config().accountId()));
            EventSourceMapping created = engine.mappings().create(CreateEventSourceMappingRequest.builder()
                    .functionName(FUNCTION)
                    .selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(List.of(bootstrap)))
                    .topics(List.of(topic))
                    .startingPosition("TRIM_HORIZON")
                    .batchSize(variant.batchSize())
                    .maximumBatchingWindowInSeconds(variant.windowSeconds())
                    .build());
            awaitEnabled(engine, created.uuid());
            return new BenchEngine(engine, created);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /** Of the newest invocations (up to 1,000), how many kept their payload. */
    PayloadsKept payloadsKept() {
        List<InvocationSummary> newest = engine.history().list(HistoryQuery.latest(HistoryQuery.MAX_LIMIT));
        return new PayloadsKept(newest.size(), (int) newest.stream().filter(InvocationSummary::payloadKept).count());
    }

    /** The engine's own time between invocations, over the newest (up to 1,000) invocations. */
    Overhead overhead() {
        List<InvocationSummary> newest = engine.history().list(HistoryQuery.ofMapping(mapping.uuid(),
                HistoryQuery.MAX_LIMIT));
        return Overhead.of(newest, engine.pollerCount(mapping.uuid()));
    }

    /** The consumer group the mapping's pollers commit in. */
    String groupId() {
        return mapping.consumerGroupId();
    }

    @Override
    public void close() {
        engine.close();
    }

    private static void awaitEnabled(Engine engine, String uuid) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (engine.mappings().get(uuid).state() != MappingState.ENABLED) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Mapping " + uuid + " did not become Enabled within " + STARTUP.toSeconds()
                        + " s; it is " + engine.mappings().get(uuid).state());
            }
            Pause.millis(20);
        }
    }

    /** The directory (or jar) the benchmark's handler classes come from: the function's classpath. */
    private static Path classDirectory() {
        try {
            return Path.of(NoopHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the benchmark's classes for the function's classpath", e);
        }
    }
}
