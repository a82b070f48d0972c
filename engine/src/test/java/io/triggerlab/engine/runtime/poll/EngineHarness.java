package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.FunctionTarget;
import io.triggerlab.engine.invoke.function.LambdaInvokeTarget;
import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.SelfManagedEventSource;
import io.triggerlab.engine.observe.events.EngineEventBus;
import io.triggerlab.engine.observe.metrics.MetricsSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;

/** A real engine on a temp data directory, polling the shared test broker as a self-managed cluster. */
final class EngineHarness implements AutoCloseable {

    private final String bootstrap;
    private final Path dataDir;
    private final MetricsSettings metrics;
    private final EngineEventBus events;
    private Engine engine;
    private final List<InvokeApiFunction> functions = new ArrayList<>();

    EngineHarness(String bootstrap, Path dataDir) {
        this(bootstrap, dataDir, MetricsSettings.defaults(), new EngineEventBus());
    }

    /** An engine that samples and scales as {@code metrics} say, publishing on {@code events} from its start. */
    EngineHarness(String bootstrap, Path dataDir, MetricsSettings metrics, EngineEventBus events) {
        this.bootstrap = bootstrap;
        this.dataDir = dataDir;
        this.metrics = metrics;
        this.events = events;
        this.engine = start();
    }

    private Engine start() {
        return Engine.start(EngineConfig.defaults(dataDir).withApiPort(0).withExternalBootstrap(bootstrap), events, metrics);
    }

    Engine engine() {
        return engine;
    }

    /** Stops the engine and starts a new one on the same data directory. */
    void restart() {
        engine.close();
        engine = start();
    }

    /** A function behind Lambda's Invoke API, registered as {@code name}; closed with the harness. */
    InvokeApiFunction invokeApiFunction(String name, Duration timeout) {
        InvokeApiFunction function = new InvokeApiFunction();
        functions.add(function);
        registerInvokeApiFunction(name, function, timeout);
        return function;
    }

    void registerInvokeApiFunction(String name, InvokeApiFunction function, Duration timeout) {
        register(name, new LambdaInvokeTarget(function.endpoint(), name, null, "us-east-1", null), timeout);
    }

    void register(String name, FunctionTarget target, Duration timeout) {
        engine.functions().register(new FunctionDefinition(name, target, timeout,
                engine.config().region(), engine.config().accountId()));
    }

    /** Creates a self-managed mapping from TRIM_HORIZON and waits until it is Enabled. */
    EventSourceMapping createMapping(String function, String topic, Consumer<CreateEventSourceMappingRequest.Builder> more) {
        CreateEventSourceMappingRequest.Builder request = CreateEventSourceMappingRequest.builder()
                .functionName(function)
                .selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(List.of(bootstrap)))
                .topics(List.of(topic))
                .startingPosition("TRIM_HORIZON")
                .maximumBatchingWindowInSeconds(0);
        more.accept(request);
        EventSourceMapping created = engine.mappings().create(request.build());
        awaitState(created.uuid(), created.enabled() ? MappingState.ENABLED : MappingState.DISABLED);
        return engine.mappings().get(created.uuid());
    }

    void awaitState(String uuid, MappingState state) {
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.mappings().get(uuid).state() == state);
    }

    void produce(String topic, int partition, String... values) {
        produce(topic, partition, null, values);
    }

    void produce(String topic, int partition, Long timestamp, String... values) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, partition, timestamp, null, value.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    void createTopic(String topic, int partitions, Map<String, String> configs) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topic " + topic, e);
        }
    }

    /** A mapping's newest 100 invocations, oldest first: the order tests reason about attempts in. */
    List<InvocationSummary> historyOldestFirst(String mappingUuid) {
        List<InvocationSummary> rows = new ArrayList<>(engine.history().list(HistoryQuery.ofMapping(mappingUuid, 100)));
        Collections.reverse(rows);
        return rows;
    }

    /** The consumer group's committed offsets, read from the broker. */
    Map<TopicPartition, OffsetAndMetadata> committed(String groupId) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the offsets of group " + groupId, e);
        }
    }

    long committedOffset(String groupId, String topic, int partition) {
        OffsetAndMetadata offset = committed(groupId).get(new TopicPartition(topic, partition));
        return offset == null ? -1 : offset.offset();
    }

    @Override
    public void close() {
        engine.close();
        functions.forEach(InvokeApiFunction::close);
    }
}
