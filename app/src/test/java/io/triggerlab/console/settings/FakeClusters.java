package io.triggerlab.console.settings;

import io.triggerlab.engine.infra.cluster.BootstrapBrokers;
import io.triggerlab.engine.infra.cluster.KafkaCluster;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The cluster registry in memory, with a sandbox, and an MSK that answers as a test sets it up. */
final class FakeClusters implements ClustersBackend {

    static final String SANDBOX_ARN = "arn:aws:kafka:us-east-1:000000000000:cluster/triggerlab-sandbox/5e1f";

    final List<KafkaCluster> clusters = new ArrayList<>(List.of(
            new KafkaCluster("arn:aws:kafka:us-east-1:000000000000:cluster/alpha/1", "alpha",
                    BootstrapBrokers.plaintextOnly("alpha:9092")),
            new KafkaCluster(SANDBOX_ARN, "triggerlab-sandbox", BootstrapBrokers.plaintextOnly("127.0.0.1:9092"))));
    final List<String> importCalls = new ArrayList<>();
    RuntimeException importFailure;
    ClusterInUse running = ClusterInUse.SANDBOX;
    SecuredSandboxInfo secured;
    String schemaRegistry;
    final List<String> scramUsers = new ArrayList<>();

    @Override
    public Optional<String> sandboxSchemaRegistry() {
        return Optional.ofNullable(schemaRegistry);
    }

    @Override
    public List<KafkaCluster> list() {
        return List.copyOf(clusters);
    }

    @Override
    public KafkaCluster register(KafkaCluster cluster) {
        clusters.removeIf(c -> c.clusterArn().equals(cluster.clusterArn()));
        clusters.add(cluster);
        return cluster;
    }

    @Override
    public void remove(String clusterArn) {
        if (clusterArn.equals(SANDBOX_ARN)) {
            throw new IllegalArgumentException("The sandbox cluster belongs to the engine and cannot be removed");
        }
        clusters.removeIf(c -> c.clusterArn().equals(clusterArn));
    }

    @Override
    public KafkaCluster importMsk(String clusterArn, String region, String profile, URI endpoint) {
        importCalls.add(clusterArn + " " + region + " " + profile + " " + endpoint);
        if (importFailure != null) {
            throw importFailure;
        }
        String name = clusterArn.split("/")[1];
        return register(new KafkaCluster(clusterArn, name, new BootstrapBrokers(null, "b-1.msk:9094", "b-1.msk:9096", null)));
    }

    @Override
    public String region() {
        return "us-east-1";
    }

    @Override
    public String accountId() {
        return "000000000000";
    }

    @Override
    public String awsProfile() {
        return "dev-sso";
    }

    @Override
    public ClusterInUse running() {
        return running;
    }

    @Override
    public String createSandboxScramUser(String user, String password) {
        if (secured == null) {
            throw new IllegalArgumentException("The engine runs no secured sandbox");
        }
        scramUsers.add(user + ":" + password);
        return "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + user;
    }

    @Override
    public Optional<SecuredSandboxInfo> securedSandbox() {
        return Optional.ofNullable(secured);
    }
}
