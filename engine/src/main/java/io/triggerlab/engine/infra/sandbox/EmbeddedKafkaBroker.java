package io.triggerlab.engine.infra.sandbox;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker + controller) running in this JVM.
 * The "sandbox" cluster that a newcomer's first trigger talks to, and the broker every integration test uses.
 * <p>
 * Every listener binds to 127.0.0.1 only. A start either succeeds within the settings' startup timeout or throws
 * {@link BrokerStartException} with nothing left running; {@link #close()} stops the broker and waits for it.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final BrokerSettings settings;
    private final KafkaRaftServer server;
    private final Map<String, SandboxListener> boundListeners;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaBroker(BrokerSettings settings, KafkaRaftServer server, Map<String, SandboxListener> boundListeners) {
        this.settings = settings;
        this.server = server;
        this.boundListeners = boundListeners;
    }

    /**
     * Formats the data directory if it is new, then starts the broker and waits until it is ready.
     * A failed start shuts everything down again, so no raft thread outlives the exception.
     *
     * @throws BrokerStartException if the configuration is refused, a port is taken, or the start times out
     */
    public static EmbeddedKafkaBroker start(BrokerSettings settings) {
        Path logDir = settings.dataDirectory().resolve("kraft");
        requireFreePorts(settings.listeners(), logDir);
        Map<String, SandboxListener> listeners = withConcretePorts(settings.listeners());
        int controllerPort = FreePorts.pickExcept(listeners.values().stream().map(SandboxListener::port)
                .collect(Collectors.toSet()));
        KafkaConfig config = BrokerProperties.toConfig(settings, logDir, listeners.values(), controllerPort);
        StorageFormatter.formatIfNeeded(logDir);
        KafkaExitGuard.install();

        String plaintext = address(listeners.get(SandboxListener.PLAINTEXT));
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        long startNanos = System.nanoTime();
        try {
            server.startup();
        } catch (Throwable t) {
            stopQuietly(server);
            Duration tookFor = Duration.ofNanos(System.nanoTime() - startNanos);
            throw new BrokerStartException(startFailureMessage(plaintext, logDir, settings.startupTimeout(), tookFor, t), t);
        }
        log.info("Embedded Kafka broker ready at {} in {} ms (data directory {})",
                plaintext, millisSince(startNanos), logDir);
        return new EmbeddedKafkaBroker(settings, server, listeners);
    }

    /**
     * Fails fast, with one clear line, when a requested port is taken: Kafka would notice too, but only after forming
     * its quorum and logging a stack trace. A port taken between this check and Kafka's bind still fails the start.
     */
    private static void requireFreePorts(List<SandboxListener> listeners, Path logDir) {
        for (SandboxListener l : listeners) {
            if (l.port() > 0 && !FreePorts.isFree(l.port())) {
                throw new BrokerStartException("The embedded Kafka broker did not start at 127.0.0.1:" + l.port()
                        + " (data directory " + logDir + "): port " + l.port() + " of listener " + l.name()
                        + " is already in use by another process. Choose another port, or 0 for any free port.", null);
            }
        }
    }

    private static Map<String, SandboxListener> withConcretePorts(List<SandboxListener> requested) {
        Set<Integer> chosen = new HashSet<>();
        requested.stream().filter(l -> l.port() > 0).forEach(l -> chosen.add(l.port()));
        Map<String, SandboxListener> bound = new LinkedHashMap<>();
        for (SandboxListener l : requested) {
            SandboxListener concrete = l.port() > 0 ? l : l.withPort(FreePorts.pickExcept(chosen));
            chosen.add(concrete.port());
            bound.put(l.name(), concrete);
        }
        return Map.copyOf(bound);
    }

    private static String startFailureMessage(String plaintext, Path logDir, Duration timeout, Duration tookFor,
                                              Throwable t) {
        String where = "The embedded Kafka broker did not start at " + plaintext + " (data directory " + logDir + "): ";
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BindException) {
                return where + "a port is already in use by another process (" + c.getMessage()
                        + "). Choose another port, or 0 for any free port.";
            }
        }
        if (tookFor.compareTo(timeout) >= 0) {
            return where + "it was not ready within the startup timeout of " + timeout.toMillis()
                    + " ms. The machine may be overloaded; try again or allow a longer startup timeout.";
        }
        return where + t.getMessage() + " (the broker's log above has the details)";
    }

    private static void stopQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Cleaning up after a failed broker start also failed", e);
        }
    }

    private static String address(SandboxListener listener) {
        return "127.0.0.1:" + listener.port();
    }

    private static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    /** {@code 127.0.0.1:port} of the PLAINTEXT listener, for clients. */
    public String bootstrapServers() {
        return bootstrapServers(SandboxListener.PLAINTEXT);
    }

    /** {@code 127.0.0.1:port} of the named listener, e.g. {@link SecuredListeners#SASL_SSL}. */
    public String bootstrapServers(String listenerName) {
        SandboxListener listener = boundListeners.get(listenerName);
        if (listener == null) {
            throw new IllegalArgumentException("The sandbox broker has no listener named " + listenerName
                    + "; its listeners are " + new TreeSet<>(boundListeners.keySet()));
        }
        return address(listener);
    }

    /** The listeners as bound, with the ports actually chosen for those requested as 0. */
    public Map<String, SandboxListener> listeners() {
        return boundListeners;
    }

    public BrokerSettings settings() {
        return settings;
    }

    /** Creates a topic with the given partition count; an existing topic is left as it is. */
    public void createTopic(String topic, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic " + topic + ": partition count " + partitions + " must be at least 1");
        }
        try {
            withAdmin("create topic " + topic,
                    admin -> admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all());
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        awaitListed(topic);
    }

    /**
     * The controller acknowledges a new topic before the broker's metadata cache has it; callers that list or
     * describe the topic right away must not see it missing.
     */
    private void awaitListed(String topic) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!topicNames().contains(topic)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topic " + topic + " was created but the sandbox broker at "
                        + bootstrapServers() + " did not list it within 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topic " + topic, e);
            }
        }
    }

    /** The names of the user topics (internal ones such as {@code __consumer_offsets} are left out). */
    public Set<String> topicNames() {
        return Set.copyOf(withAdmin("list topics", admin -> admin.listTopics().names()));
    }

    /** How many partitions the topic has; an unknown topic is an {@link IllegalArgumentException}. */
    public int partitionCount(String topic) {
        try {
            Map<String, TopicDescription> described = withAdmin("describe topic " + topic,
                    admin -> admin.describeTopics(List.of(topic)).allTopicNames());
            return described.get(topic).partitions().size();
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalArgumentException("Topic " + topic + " does not exist on the sandbox broker at "
                        + bootstrapServers(), e.getCause());
            }
            throw e;
        }
    }

    /**
     * Creates or replaces a SCRAM user (done as the PLAINTEXT listener's super user). Needs a broker started with
     * {@link SecuredListeners}; usable on its SASL_SSL listener at once.
     */
    public void upsertScramUser(ScramMechanism mechanism, String user, String password) {
        // 8192 iterations: above the 4096 minimum SCRAM-SHA-512 requires.
        withAdmin("store SCRAM user " + user, admin -> admin.alterUserScramCredentials(List.of(
                new UserScramCredentialUpsertion(user, new ScramCredentialInfo(mechanism, 8192), password))).all());
    }

    /** Adds ACLs (on a broker started with {@link SecuredListeners}, which has an authorizer). */
    public void createAcls(Collection<AclBinding> acls) {
        withAdmin("create ACLs", admin -> admin.createAcls(List.copyOf(acls)).all());
    }

    /** Removes the ACLs matching the filter; returns how many went. */
    public int deleteAcls(AclBindingFilter filter) {
        return withAdmin("delete ACLs", admin -> admin.deleteAcls(List.of(filter)).all()).size();
    }

    private <T> T withAdmin(String what, Function<Admin, KafkaFuture<T>> call) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            return call.apply(admin).get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot " + what + " on the sandbox broker at " + bootstrapServers()
                    + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + what, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out after " + ADMIN_TIMEOUT_SECONDS + " s trying to " + what
                    + " on the sandbox broker at " + bootstrapServers(), e);
        }
    }

    /** Stops the broker and waits until its threads are gone. A second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long startNanos = System.nanoTime();
        server.shutdown();
        server.awaitShutdown();
        log.info("Embedded Kafka broker at {} stopped in {} ms", bootstrapServers(), millisSince(startNanos));
    }
}
