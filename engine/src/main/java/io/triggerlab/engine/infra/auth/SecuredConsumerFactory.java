package io.triggerlab.engine.infra.auth;

import org.apache.kafka.clients.consumer.Consumer;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Makes the pollers' consumers with the cluster's security. Properties that carry a {@link ClusterAuth} under
 * {@link ClientSecurityProperties#CLUSTER_AUTH_PROPERTY} get a {@link DeferredConsumer}: its secrets are read when the
 * Kafka consumer is made, and again after an authentication failure. Properties without one go straight through.
 * Use it as the engine's {@code ConsumerFactory}: {@code securedFactory::create}.
 */
public final class SecuredConsumerFactory {

    private final Function<Map<String, Object>, Consumer<byte[], byte[]>> kafka;
    private final ClientSecurityProperties security;

    /** @param kafka makes a plain Kafka consumer, e.g. {@code ConsumerFactory.KAFKA::create} */
    public SecuredConsumerFactory(Function<Map<String, Object>, Consumer<byte[], byte[]>> kafka,
                                  ClientSecurityProperties security) {
        this.kafka = Objects.requireNonNull(kafka, "kafka");
        this.security = Objects.requireNonNull(security, "security");
    }

    public Consumer<byte[], byte[]> create(Map<String, Object> properties) {
        Object auth = properties.get(ClientSecurityProperties.CLUSTER_AUTH_PROPERTY);
        if (auth == null) {
            return kafka.apply(properties);
        }
        if (!(auth instanceof ClusterAuth clusterAuth)) {
            throw new IllegalArgumentException(ClientSecurityProperties.CLUSTER_AUTH_PROPERTY
                    + " must hold a ClusterAuth, not " + auth.getClass().getName());
        }
        Map<String, Object> base = new HashMap<>(properties);
        base.remove(ClientSecurityProperties.CLUSTER_AUTH_PROPERTY);
        return DeferredConsumer.create(() -> {
            Map<String, Object> full = new HashMap<>(base);
            full.putAll(security.properties(clusterAuth));
            return full;
        }, kafka);
    }
}
