package io.triggerlab.engine.infra.sandbox;

import kafka.server.KafkaConfig;
import org.apache.kafka.common.config.ConfigException;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns {@link BrokerSettings} into the properties of a single-node KRaft broker + controller. */
final class BrokerProperties {

    private BrokerProperties() {
    }

    static KafkaConfig toConfig(BrokerSettings settings, Path logDir, Collection<SandboxListener> listeners,
                                int controllerPort) {
        Map<String, Object> props = properties(settings, logDir, listeners, controllerPort);
        try {
            return new KafkaConfig(props, false);
        } catch (ConfigException e) {
            throw new BrokerStartException("The embedded Kafka broker's configuration is not valid: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> properties(BrokerSettings settings, Path logDir, Collection<SandboxListener> listeners,
                                          int controllerPort) {
        String controller = "127.0.0.1:" + controllerPort;
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + controller);
        p.put("controller.listener.names", SandboxListener.CONTROLLER);
        p.put("listeners", listeners.stream()
                .map(l -> l.name() + "://127.0.0.1:" + l.port())
                .collect(Collectors.joining(",")) + "," + SandboxListener.CONTROLLER + "://" + controller);
        p.put("listener.security.protocol.map", listeners.stream()
                .map(l -> l.name() + ":" + l.securityProtocol().name)
                .collect(Collectors.joining(",")) + "," + SandboxListener.CONTROLLER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", SandboxListener.PLAINTEXT);
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
        // Keep Kafka's default controlled shutdown: it deregisters the broker, so a restart on the same directory is
        // ready in under a second. Without it the controller refuses the new incarnation until the old session times
        // out (broker.session.timeout.ms, 9 s) - measured 10.5 s vs 0.8 s to restart, 0.3-0.7 s to stop either way.
        p.put("controlled.shutdown.enable", "true");
        sizedForOneDeveloper(p);
        p.putAll(settings.extraProperties());
        return p;
    }

    /**
     * A sandbox serves one developer's few topics, not a cluster's traffic: Kafka's defaults reserve memory and threads
     * for the latter. The log cleaner's 128 MB deduplication buffer (allocated for the compacted offsets topic), three
     * network and eight I/O threads, ten background threads and 10 MB index files per segment (memory-mapped, touched as
     * they fill) are cut to what a desktop needs (issue 20: the engine idled at 364 MB RSS).
     */
    private static void sizedForOneDeveloper(Map<String, Object> p) {
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8L * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        p.put("num.replica.fetchers", "1");
    }
}
