package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.infra.cluster.BootstrapBrokers;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.FunctionRegistry;
import io.triggerlab.engine.observe.history.HistoryRetention;
import io.triggerlab.engine.observe.history.JdbcInvocationHistory;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingLifecycle;
import io.triggerlab.engine.infra.store.MappingRepository;
import io.triggerlab.engine.controlplane.mapping.MappingService;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.observe.events.EngineEventBus;
import io.triggerlab.engine.observe.metrics.MetricsService;
import io.triggerlab.engine.observe.metrics.MetricsSettings;
import io.triggerlab.engine.infra.store.Database;

import io.triggerlab.engine.invoke.faults.FaultInjector;
import io.triggerlab.engine.observe.systemlog.JdbcSystemLogs;
import io.triggerlab.engine.runtime.step.StepMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running {@link LambdaApiServer} over real H2: the function {@value #FUNCTION} and the MSK cluster
 * {@link #CLUSTER_ARN} are registered, and a lifecycle stands in for the poller runtime by settling every change at
 * once (Creating/Updating → Enabled or Disabled, Deleting → gone) unless {@link #settle} is switched off.
 */
final class ApiFixture implements AutoCloseable {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    static final String FUNCTION = "my-function";
    static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:my-function";
    static final String CLUSTER_ARN =
            "arn:aws:kafka:us-east-1:123456789012:cluster/orders-cluster/6f2a-11ee-b962-0242ac120002-1";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123Z");

    final Database database = Database.inMemory("api-" + UUID.randomUUID());
    final FunctionRegistry functions = new FunctionRegistry(database.dataSource());
    final ClusterRegistry clusters = new ClusterRegistry(database.dataSource(), REGION, ACCOUNT);
    final JdbcInvocationHistory history = new JdbcInvocationHistory(database.dataSource(), HistoryRetention.defaults());
    final AtomicBoolean settle = new AtomicBoolean(true);
    final MetricsService metrics = new MetricsService(database.dataSource(), MetricsSettings.defaults(),
            new EngineEventBus(), Clock.fixed(NOW, ZoneOffset.UTC));
    final JdbcSystemLogs systemLogs = new JdbcSystemLogs(database.dataSource());
    final MappingService mappings;
    final LambdaApiServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    ApiFixture() {
        registerFunction(FUNCTION);
        clusters.register(new KafkaCluster(CLUSTER_ARN, "orders-cluster", BootstrapBrokers.plaintextOnly("127.0.0.1:9092")));
        AtomicReference<MappingService> service = new AtomicReference<>();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        mappings = new MappingService(new MappingRepository(database.dataSource()), functions, clusters, clock,
                REGION, ACCOUNT, new SettlingLifecycle(service, settle));
        service.set(mappings);
        server = new LambdaApiServer(new ApiContext(mappings, functions, clusters, history, clock, REGION, ACCOUNT,
                metrics, new FaultInjector(), null, null, null, new StepMode(), systemLogs), 0);
    }

    void registerFunction(String name) {
        functions.register(new FunctionDefinition(name, new CommandTarget(List.of("true"), null, null), null,
                REGION, ACCOUNT));
    }

    /** Sends a request; {@code body} null sends none. Extra headers come as name, value pairs. */
    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> postJson(String path, String body) {
        return send("POST", path, body, "Content-Type", "application/json");
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }

    /** How many mappings are stored, read from the service (not through the API under test). */
    int mappingCount() {
        return mappings.all().size();
    }

    @Override
    public void close() {
        server.close();
        metrics.close();
        database.close();
    }

    private record SettlingLifecycle(AtomicReference<MappingService> service, AtomicBoolean settle)
            implements MappingLifecycle {

        @Override
        public void created(EventSourceMapping mapping) {
            settleState(mapping);
        }

        @Override
        public void updated(EventSourceMapping before, EventSourceMapping after) {
            settleState(after);
        }

        @Override
        public void deleting(EventSourceMapping mapping) {
            if (settle.get()) {
                service.get().completeDeletion(mapping.uuid());
            }
        }

        private void settleState(EventSourceMapping mapping) {
            if (settle.get()) {
                service.get().markState(mapping.uuid(), mapping.enabled() ? MappingState.ENABLED : MappingState.DISABLED,
                        EventSourceMapping.USER_INITIATED);
            }
        }
    }
}
