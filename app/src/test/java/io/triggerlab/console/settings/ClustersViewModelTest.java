package io.triggerlab.console.settings;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClustersViewModelTest {

    private static final String MSK_ARN = "arn:aws:kafka:eu-west-1:123456789012:cluster/orders/6f2a-1";

    private final FakeClusters backend = new FakeClusters();
    private final QueuedExecutor background = new QueuedExecutor();
    private final ClustersViewModel vm = new ClustersViewModel(backend, new BackgroundWork(background, Runnable::run));

    @Test
    void listsTheSandboxFirst_markedAsTheEnginesOwn() {
        vm.reload();
        background.runAll();

        assertThat(vm.rows()).extracting(ClustersViewModel.ClusterRow::label)
                .containsExactly("triggerlab-sandbox (embedded sandbox)", "alpha");
        assertThat(vm.importProfileProperty().get()).as("aws.properties' profile is the default").isEqualTo("dev-sso");
    }

    @Test
    void registersAClusterByBootstrapServers_inTheEnginesAccount() {
        vm.newNameProperty().set("orders-kafka");
        vm.newBootstrapProperty().set("kafka-1:9092,kafka-2:9092");

        vm.register();
        background.runAll();

        KafkaCluster registered = backend.clusters.get(2);
        assertThat(registered.clusterName()).isEqualTo("orders-kafka");
        assertThat(registered.clusterArn()).startsWith("arn:aws:kafka:us-east-1:000000000000:cluster/orders-kafka/");
        assertThat(registered.bootstrapBrokers().plaintext()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.newNameProperty().get()).isEmpty();
    }

    @Test
    void refusesBadBootstrapServers_withoutCallingTheEngine() {
        vm.newNameProperty().set("orders-kafka");
        vm.newBootstrapProperty().set("kafka-1");

        vm.register();

        assertThat(background.submitted()).isZero();
        assertThat(vm.errorMessageProperty().get()).isEqualTo("Bootstrap servers 'kafka-1' are not valid: 'kafka-1' "
                + "must be host:port with a port 1..65535, e.g. localhost:9092 (several separated by commas)");
    }

    @Test
    void refusesTheSandboxesReservedName() {
        vm.newNameProperty().set("triggerlab-sandbox");
        vm.newBootstrapProperty().set("kafka:9092");

        vm.register();

        assertThat(vm.errorMessageProperty().get()).startsWith("The cluster name triggerlab-sandbox is reserved");
    }

    @Test
    void removesAnExternalCluster_butNeverOffersToRemoveTheSandbox() {
        vm.reload();
        background.runAll();

        vm.selectedProperty().set(vm.rows().get(0));
        assertThat(vm.canRemoveProperty().get()).isFalse();
        vm.selectedProperty().set(vm.rows().get(1));
        assertThat(vm.canRemoveProperty().get()).isTrue();
        vm.removeSelected();
        background.runAll();

        assertThat(vm.rows()).extracting(ClustersViewModel.ClusterRow::name).containsExactly("triggerlab-sandbox");
    }

    @Test
    void importsAnMskClusterByArn_showingProgressUntilMskAnswers() {
        vm.importProfileProperty().set("");
        vm.importArnProperty().set(MSK_ARN);
        assertThat(vm.importRegionProperty().get()).as("taken from the ARN").isEqualTo("eu-west-1");

        vm.importMsk();
        assertThat(vm.importingProperty().get()).isTrue();
        background.runAll();

        assertThat(vm.importingProperty().get()).isFalse();
        assertThat(backend.importCalls).containsExactly(MSK_ARN + " eu-west-1 null null");
        assertThat(vm.importResultProperty().get())
                .isEqualTo("Imported orders: TLS b-1.msk:9094 · SASL/SCRAM b-1.msk:9096");
        assertThat(vm.rows()).extracting(ClustersViewModel.ClusterRow::name).contains("orders");
    }

    @Test
    void reportsAFailedImport_withTheEnginesMessage() {
        backend.importFailure = new IllegalArgumentException("No AWS credentials for importing an MSK cluster "
                + "(profile 'dev-sso'): configure them (aws configure, or aws sso login for SSO profiles) and try again");
        vm.importArnProperty().set(MSK_ARN);
        vm.importProfileProperty().set("dev-sso");
        vm.importEndpointProperty().set("http://localhost:4566");

        vm.importMsk();
        background.runAll();

        assertThat(backend.importCalls).containsExactly(MSK_ARN + " eu-west-1 dev-sso http://localhost:4566");
        assertThat(vm.importingProperty().get()).isFalse();
        assertThat(vm.importFailureProperty().get()).isEqualTo(backend.importFailure.getMessage());
    }

    @Test
    void refusesAnInvalidArn_beforeAskingMsk() {
        vm.importArnProperty().set("arn:aws:kafka:eu-west-1:123:cluster/orders");

        vm.importMsk();

        assertThat(background.submitted()).isZero();
        assertThat(vm.importFailureProperty().get()).isEqualTo("Cluster ARN 'arn:aws:kafka:eu-west-1:123:cluster/orders'"
                + " is not valid: expected arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>");
    }
}
