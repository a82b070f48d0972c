package io.triggerlab.engine.infra.cluster;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a short-lived Kafka client connects and how long it may wait for an answer: the base properties of the Admin
 * clients, consumers and producers the engine opens for one call (topic catalog, record reader, test producer, offset
 * reset, AWS check). Security properties, where a cluster needs them, are added by the caller.
 *
 * @param bootstrapServers the cluster's bootstrap servers, {@code host:port[,host:port…]}
 * @param timeout          how long one request (and one API call as a whole) may wait for the cluster
 */
public record ClusterEndpoint(String bootstrapServers, Duration timeout) {

    /** A cluster that does not answer within this is reported unreachable. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public ClusterEndpoint {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The endpoint with {@link #DEFAULT_TIMEOUT}. */
    public static ClusterEndpoint of(String bootstrapServers) {
        return new ClusterEndpoint(bootstrapServers, DEFAULT_TIMEOUT);
    }

    public int timeoutMillis() {
        return (int) timeout.toMillis();
    }

    /** An Admin client's properties; mutable, so a caller can add its security properties. */
    public Map<String, Object> adminProperties(String clientId) {
        Map<String, Object> props = common(clientId);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis());
        return props;
    }

    /** A consumer's properties without a group: it assigns partitions itself and commits nothing. */
    public Map<String, Object> groupLessConsumerProperties(String clientId) {
        Map<String, Object> props = common(clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis());
        return props;
    }

    /** A producer's properties: {@code acks=all}, and no send waits longer than the timeout for metadata or an answer. */
    public Map<String, Object> producerProperties(String clientId) {
        Map<String, Object> props = common(clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMillis());
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMillis() + 5000);
        return props;
    }

    private Map<String, Object> common(String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis());
        return props;
    }
}
