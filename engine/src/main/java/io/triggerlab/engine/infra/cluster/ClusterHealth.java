package io.triggerlab.engine.infra.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of a cluster that is up.
 *
 * @param clusterId   Kafka's cluster id
 * @param brokerCount how many brokers answered the metadata request
 * @param latency     how long the round trip took
 */
public record ClusterHealth(String clusterId, int brokerCount, Duration latency) {

    public ClusterHealth {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(latency, "latency");
        if (brokerCount < 0) {
            throw new IllegalArgumentException("brokerCount " + brokerCount + " is negative");
        }
    }
}
