package io.triggerlab.console.settings;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.infra.secrets.SecretValue;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsViewModelTest {

    private static final String ALICE = "arn:aws:secretsmanager:us-east-1:000000000000:secret:alice";

    private final FakeSecrets backend = new FakeSecrets();
    private final SecretsViewModel vm = new SecretsViewModel(backend, new BackgroundWork(Runnable::run, Runnable::run),
            ZoneOffset.UTC);

    @Test
    void listsSecretsByName_withFieldsAndSize_neverTheirValues() {
        backend.values.put(ALICE, new SecretValue("{\"username\":\"alice\",\"password\":\"s3cret-pw\"}"));

        vm.reload();

        assertThat(vm.rows()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("alice");
            assertThat(row.fields()).isEqualTo("username, password");
            assertThat(row.size()).isEqualTo("43 bytes");
            assertThat(row.updated()).isEqualTo("2026-11-25 10:15:30");
            assertThat(row.toString()).doesNotContain("s3cret-pw");
        });
    }

    @Test
    void removesTheSelectedSecret() {
        backend.values.put(ALICE, new SecretValue("{\"username\":\"alice\",\"password\":\"pw\"}"));
        vm.reload();
        vm.selectedProperty().set(vm.rows().get(0));

        vm.removeSelected();

        assertThat(backend.values).isEmpty();
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void savesTheSecretsManagerSettings_forTheNextEngineStart() {
        vm.reload();
        vm.secretsManagerEnabledProperty().set(true);
        vm.profileProperty().set("dev-sso");
        vm.regionProperty().set("eu-west-1");

        vm.saveSecretsManager();

        assertThat(backend.secretsManager).isEqualTo(new SecretsManagerSettings(true, "dev-sso", "eu-west-1"));
        assertThat(vm.awsMessageProperty().get()).startsWith("Saved to aws.properties. The engine reads it at start");
    }

    @Test
    void refusesAnInvalidRegion_withoutSaving() {
        vm.regionProperty().set("Ireland");

        vm.saveSecretsManager();

        assertThat(vm.awsErrorProperty().get()).isEqualTo("Region 'Ireland' is not valid: use an AWS region such as "
                + "eu-west-1, or leave it empty for the engine's region");
        assertThat(backend.secretsManager.enabled()).isFalse();
    }
}
