package io.triggerlab.engine.infra.auth;

import java.util.Objects;

/**
 * The method Lambda uses for an MSK cluster and the matching {@code GetBootstrapBrokers} string.
 *
 * @param auth             the chosen method
 * @param bootstrapServers the brokers for it (MSK ports: 9092 plaintext, 9094 TLS, 9096 SCRAM, 9098 IAM)
 */
public record MskAccess(ClusterAuth auth, String bootstrapServers) {

    public MskAccess {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    }
}
