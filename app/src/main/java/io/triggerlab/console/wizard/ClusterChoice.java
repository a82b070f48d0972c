package io.triggerlab.console.wizard;

import io.triggerlab.engine.client.EngineClient;
import io.triggerlab.engine.infra.cluster.KafkaCluster;

/** An MSK cluster as the wizard's cluster list shows it. */
public record ClusterChoice(String clusterArn, String label) {

    public static ClusterChoice of(KafkaCluster cluster) {
        boolean sandbox = EngineClient.SANDBOX_CLUSTER_NAME.equals(cluster.clusterName());
        String plaintext = cluster.bootstrapBrokers().plaintext();
        String label = cluster.clusterName() + (sandbox ? " (embedded sandbox)" : "")
                + (plaintext == null ? "" : " · " + plaintext);
        return new ClusterChoice(cluster.clusterArn(), label);
    }

    @Override
    public String toString() {
        return label;
    }
}
