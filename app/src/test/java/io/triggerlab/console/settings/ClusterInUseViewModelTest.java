package io.triggerlab.console.settings;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.EngineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterInUseViewModelTest {

    @TempDir
    Path dataDir;

    private final FakeClusters backend = new FakeClusters();
    private final AtomicInteger restarts = new AtomicInteger();

    private ClusterInUseViewModel vm() {
        ClusterInUseViewModel vm = new ClusterInUseViewModel(backend, new ClusterInUseStore(dataDir),
                new BackgroundWork(Runnable::run, Runnable::run), restarts::incrementAndGet);
        vm.load();
        return vm;
    }

    @Test
    void savesAnExternalCluster_forTheNextStart_andSaysARestartApplies() {
        ClusterInUseViewModel vm = vm();
        assertThat(vm.restartNeededProperty().get()).isFalse();

        vm.modeProperty().set(ClusterInUse.Mode.EXTERNAL);
        vm.externalBootstrapProperty().set(" kafka:9092 ");
        assertThat(vm.save()).isTrue();

        ClusterInUse saved = new ClusterInUseStore(dataDir).load();
        assertThat(saved).isEqualTo(new ClusterInUse(ClusterInUse.Mode.EXTERNAL, "kafka:9092"));
        assertThat(saved.applyTo(EngineConfig.defaults(dataDir)).externalBootstrap()).isEqualTo("kafka:9092");
        assertThat(vm.restartNeededProperty().get()).isTrue();
        assertThat(vm.noteProperty().get()).startsWith("Saved: External cluster is used from the next engine start.");
        assertThat(restarts).hasValue(0);
    }

    @Test
    void showsTheSandboxSchemaRegistry_onlyWhenTheEngineRunsOne() {
        assertThat(vm().schemaRegistryProperty().get()).as("an external cluster has no sandbox registry").isEmpty();

        backend.schemaRegistry = "http://127.0.0.1:38081";
        assertThat(vm().schemaRegistryProperty().get()).isEqualTo("Schema registry (Confluent-compatible): "
                + "http://127.0.0.1:38081. Name it as a trigger's SchemaRegistryURI; the producer registers schemas in it.");
    }

    @Test
    void choiceDiffers_onlyWhenTheFormNamesAnotherClusterThanTheRunningOne() {
        backend.running = new ClusterInUse(ClusterInUse.Mode.EXTERNAL, "kafka:9092");
        ClusterInUseViewModel vm = vm();
        assertThat(vm.choiceDiffersProperty().get()).isFalse();

        vm.externalBootstrapProperty().set("kafka:9093");
        assertThat(vm.choiceDiffersProperty().get()).isTrue();
        vm.externalBootstrapProperty().set(" kafka:9092 ");
        assertThat(vm.choiceDiffersProperty().get()).isFalse();
        vm.modeProperty().set(ClusterInUse.Mode.SANDBOX);
        assertThat(vm.choiceDiffersProperty().get()).isTrue();
    }

    @Test
    void restartsTheEngine_withTheSecuredSandbox() {
        ClusterInUseViewModel vm = vm();
        vm.modeProperty().set(ClusterInUse.Mode.SECURED_SANDBOX);

        vm.saveAndRestart();

        assertThat(restarts).hasValue(1);
        EngineConfig config = new ClusterInUseStore(dataDir).load().applyTo(EngineConfig.defaults(dataDir));
        assertThat(config.securedSandbox()).isTrue();
        assertThat(config.usesSandbox()).isTrue();
    }

    @Test
    void refusesAnExternalClusterWithoutAddress_andDoesNotRestart() {
        ClusterInUseViewModel vm = vm();
        vm.modeProperty().set(ClusterInUse.Mode.EXTERNAL);

        vm.saveAndRestart();

        assertThat(restarts).hasValue(0);
        assertThat(vm.errorMessageProperty().get()).startsWith("Bootstrap servers are empty");
        assertThat(Files.exists(dataDir.resolve(ClusterInUseStore.FILE_NAME))).isFalse();
    }

    @Test
    void showsTheSecuredSandboxesBrokersAndCa_whileOneRuns() {
        backend.running = new ClusterInUse(ClusterInUse.Mode.SECURED_SANDBOX, "");
        backend.secured = new ClustersBackend.SecuredSandboxInfo(FakeClusters.SANDBOX_ARN, "127.0.0.1:9096",
                "127.0.0.1:9094", "/data/sandbox-ca.pem", "arn:aws:secretsmanager:us-east-1:000000000000:secret:triggerlab-sandbox-ca");
        new ClusterInUseStore(dataDir).save(backend.running);

        ClusterInUseViewModel vm = vm();

        assertThat(vm.securedProperty().get()).isTrue();
        assertThat(vm.saslScramBrokersProperty().get()).isEqualTo("127.0.0.1:9096");
        assertThat(vm.caFileProperty().get()).isEqualTo("/data/sandbox-ca.pem");
        assertThat(vm.modeProperty().get()).isEqualTo(ClusterInUse.Mode.SECURED_SANDBOX);
        assertThat(vm.scramHowTo()).contains("triggerlab sandbox user add alice --password-file alice.pw");
        assertThat(vm.noteProperty().get()).isEqualTo("The engine runs with Embedded sandbox, secured.");
    }

    @Test
    void aDamagedFileMeansTheSandbox_soTheConsoleStillOpens() throws Exception {
        Files.writeString(dataDir.resolve(ClusterInUseStore.FILE_NAME), "cluster.mode=cloud\n");

        assertThat(new ClusterInUseStore(dataDir).load()).isEqualTo(ClusterInUse.SANDBOX);
    }

    @Test
    void createsAScramUserAndItsSecret_onTheSecuredSandbox() {
        backend.secured = new ClustersBackend.SecuredSandboxInfo(FakeClusters.SANDBOX_ARN, "127.0.0.1:9096",
                "127.0.0.1:9094", "/data/sandbox-ca.pem", "arn:aws:secretsmanager:us-east-1:000000000000:secret:triggerlab-sandbox-ca");
        ClusterInUseViewModel vm = vm();
        vm.scramUserProperty().set("alice");
        vm.scramPasswordProperty().set("s3cret-pw");

        vm.createScramUser();

        assertThat(backend.scramUsers).containsExactly("alice:s3cret-pw");
        assertThat(vm.scramPasswordProperty().get()).as("not kept in the form").isEmpty();
        assertThat(vm.scramMessageProperty().get()).startsWith("SCRAM user alice created on the sandbox and stored as "
                + "secret arn:aws:secretsmanager:us-east-1:000000000000:secret:alice.").doesNotContain("s3cret-pw");
    }

    @Test
    void refusesAScramUserWithoutPassword() {
        ClusterInUseViewModel vm = vm();
        vm.scramUserProperty().set("alice");

        vm.createScramUser();

        assertThat(vm.scramErrorProperty().get()).isEqualTo("Give a user name (e.g. alice) and a password for the SCRAM user");
        assertThat(backend.scramUsers).isEmpty();
    }
}
