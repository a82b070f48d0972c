package io.triggerlab.engine.infra.cluster;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Kafka cluster that MSK-style mappings can name by ARN.
 *
 * @param clusterArn       {@code arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>}
 * @param clusterName      the name inside the ARN
 * @param bootstrapBrokers bootstrap strings per access method
 */
public record KafkaCluster(String clusterArn, String clusterName, BootstrapBrokers bootstrapBrokers) {

    /** MSK cluster ARN (provisioned or serverless; the UUID part may carry MSK's {@code -<n>} suffix). */
    public static final Pattern CLUSTER_ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:kafka:(?<region>[a-z0-9-]+):(?<account>\\d{12}):cluster/(?<name>[a-zA-Z0-9-]{1,64})/(?<id>[a-zA-Z0-9-]+)");

    public KafkaCluster {
        Objects.requireNonNull(clusterArn, "clusterArn");
        var m = CLUSTER_ARN.matcher(clusterArn);
        if (!m.matches()) {
            throw new IllegalArgumentException("Cluster ARN '" + clusterArn
                    + "' is not valid: expected arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>");
        }
        if (!m.group("name").equals(clusterName)) {
            throw new IllegalArgumentException("Cluster name '" + clusterName + "' does not match the ARN's name '"
                    + m.group("name") + "'");
        }
        Objects.requireNonNull(bootstrapBrokers, "bootstrapBrokers");
    }
}
