package io.triggerlab.engine.infra.cluster;

import io.triggerlab.engine.infra.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterRegistryTest {

    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";

    private final Database database = Database.inMemory("clusters-" + UUID.randomUUID());
    private final ClusterRegistry registry = new ClusterRegistry(database.dataSource(), REGION, ACCOUNT);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void registersSandbox_asMskClusterWithStableArn_andRefreshesBootstrapOnRestart(@TempDir Path dir) {
        KafkaCluster first;
        try (Database db = Database.open(dir.resolve("engine"))) {
            first = new ClusterRegistry(db.dataSource(), REGION, ACCOUNT).registerSandbox("127.0.0.1:40001");
        }
        try (Database db = Database.open(dir.resolve("engine"))) {
            ClusterRegistry reopened = new ClusterRegistry(db.dataSource(), REGION, ACCOUNT);
            KafkaCluster second = reopened.registerSandbox("127.0.0.1:40002");

            assertThat(second.clusterArn()).isEqualTo(first.clusterArn())
                    .matches("arn:aws:kafka:us-east-1:123456789012:cluster/triggerlab-sandbox/[0-9a-f-]{36}");
            assertThat(second.clusterName()).isEqualTo("triggerlab-sandbox");
            assertThat(reopened.find(first.clusterArn()).orElseThrow().bootstrapBrokers().plaintext())
                    .isEqualTo("127.0.0.1:40002");
            assertThat(reopened.list()).hasSize(1);
        }
    }

    @Test
    void keepsSandboxUuid_whenRegionChanges() {
        KafkaCluster before = registry.registerSandbox("127.0.0.1:1");

        KafkaCluster after = new ClusterRegistry(database.dataSource(), "eu-west-1", ACCOUNT).registerSandbox("127.0.0.1:2");

        assertThat(after.clusterArn()).isEqualTo(before.clusterArn().replace("us-east-1", "eu-west-1"));
        assertThat(registry.list()).containsExactly(after);
    }

    @Test
    void storesBootstrapStringsPerAccessMethod() {
        KafkaCluster cluster = new KafkaCluster("arn:aws:kafka:us-east-1:123456789012:cluster/orders/abcd-1234-1",
                "orders", new BootstrapBrokers(null, "b-1:9094,b-2:9094", "b-1:9096", "b-1:9098"));

        registry.register(cluster);

        assertThat(registry.find(cluster.clusterArn())).contains(cluster);
        assertThat(registry.remove(cluster.clusterArn())).isTrue();
        assertThat(registry.find(cluster.clusterArn())).isEmpty();
    }

    @Test
    void resolvesCrossAccountVpcConnectionArn_toTheOwnersCluster() {
        KafkaCluster cluster = new KafkaCluster("arn:aws:kafka:us-east-1:210987654321:cluster/orders/abcd-1234-1",
                "orders", BootstrapBrokers.plaintextOnly("b-1:9092"));
        registry.register(cluster);

        assertThat(registry.findForEventSource(
                "arn:aws:kafka:us-east-1:123456789012:vpc-connection/210987654321/orders/abcd-1234-1")).contains(cluster);
        assertThat(registry.findForEventSource(cluster.clusterArn())).contains(cluster);
        assertThat(registry.findForEventSource("arn:aws:kafka:us-east-1:123456789012:cluster/other/x-1")).isEmpty();
    }

    @Test
    void refusesMalformedClusterArn_withTheExpectedForm() {
        assertThatThrownBy(() -> new KafkaCluster("arn:aws:sqs:us-east-1:123456789012:queue", "queue",
                BootstrapBrokers.plaintextOnly("b:9092")))
                .hasMessage("Cluster ARN 'arn:aws:sqs:us-east-1:123456789012:queue' is not valid: "
                        + "expected arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>");
    }
}
