package io.triggerlab.engine.infra.auth;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.infra.cluster.ClusterEndpoint;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reaches a mapping's cluster exactly as its pollers do, the sandbox's own CA included: the MSK cluster's brokers (or
 * the self-managed bootstrap servers) with the authentication its SourceAccessConfigurations name. For the engine's
 * one-off Admin calls on a mapping's behalf (offset reset, the AWS check's topic limits).
 *
 * @param clusters the registered clusters, where an MSK mapping's brokers are found
 * @param security turns the access's authentication into client properties, reading its secrets
 */
public record MappingClusterAccess(ClusterRegistry clusters, ClientSecurityProperties security) {

    public MappingClusterAccess {
        Objects.requireNonNull(clusters, "clusters");
        Objects.requireNonNull(security, "security");
    }

    /**
     * The brokers and authentication the mapping's pollers use, or empty when its MSK cluster is not registered.
     *
     * @throws InvalidAccessConfigurationException when its SourceAccessConfigurations do not make one method
     */
    public Optional<MskAccess> of(EventSourceMapping mapping) {
        return AccessConfigurations.forMapping(mapping, clusters);
    }

    /**
     * A short-lived Admin client's properties for that access, security properties included.
     *
     * @throws ClientSecurityException when a secret it names cannot be read
     */
    public Map<String, Object> adminProperties(MskAccess access, String clientId, Duration timeout) {
        Map<String, Object> props = new HashMap<>(security.properties(access.auth()));
        props.putAll(new ClusterEndpoint(access.bootstrapServers(), timeout).adminProperties(clientId));
        return props;
    }
}
