package io.triggerlab.engine.sandbox;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker + controller) running in this JVM.
 * The "sandbox" cluster that a newcomer's first trigger talks to, and the broker every integration test uses.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final BrokerSettings settings;
    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(BrokerSettings settings, KafkaRaftServer server, String bootstrapServers) {
        this.settings = settings;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats the data directory if it is new, then starts the broker and waits until it is ready.
     * A failed start shuts everything down again, so no raft thread outlives the exception.
     */
    public static EmbeddedKafkaBroker start(BrokerSettings settings) {
        Path logDir = settings.dataDirectory().resolve("kraft");
        int brokerPort = settings.port() > 0 ? settings.port() : FreePorts.pick();
        int controllerPort = FreePorts.pick();
        Map<String, Object> props = brokerProperties(settings, logDir, brokerPort, controllerPort);
        KafkaConfig config = new KafkaConfig(props, false);
        formatIfNeeded(logDir);

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (Throwable t) {
            server.shutdown();
            server.awaitShutdown();
            throw new BrokerStartException("The embedded Kafka broker did not start on port " + brokerPort
                    + " (data directory " + logDir + "): " + t.getMessage(), t);
        }
        String bootstrap = "127.0.0.1:" + brokerPort;
        log.info("Embedded Kafka broker ready at {} (data directory {})", bootstrap, logDir);
        return new EmbeddedKafkaBroker(settings, server, bootstrap);
    }

    private static Map<String, Object> brokerProperties(BrokerSettings settings, Path logDir, int brokerPort, int controllerPort) {
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // One node: every internal topic must have replication factor 1, or consumers never find a coordinator.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        // Without a bound the broker waits forever for the controller; a hung start must fail instead.
        p.put("server.max.startup.time.ms", String.valueOf(settings.startupTimeout().toMillis()));
        p.put("controlled.shutdown.enable", "false");
        p.putAll(settings.extraProperties());
        return p;
    }

    private static void formatIfNeeded(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the broker data directory " + logDir, e);
        } catch (Exception e) {
            throw new BrokerStartException("Cannot format the broker data directory " + logDir + ": " + e.getMessage(), e);
        }
    }

    /** {@code host:port} of the PLAINTEXT listener, for clients. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public BrokerSettings settings() {
        return settings;
    }

    /** Creates a topic with the given partition count; an existing topic is left as it is. */
    public void createTopic(String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating topic " + topic, e);
        }
    }

    @Override
    public void close() {
        long start = System.nanoTime();
        server.shutdown();
        server.awaitShutdown();
        log.info("Embedded Kafka broker stopped in {} ms", Duration.ofNanos(System.nanoTime() - start).toMillis());
    }
}
