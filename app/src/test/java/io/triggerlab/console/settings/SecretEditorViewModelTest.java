package io.triggerlab.console.settings;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.infra.secrets.SecretMetadata;
import io.triggerlab.engine.infra.secrets.SecretValue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecretEditorViewModelTest {

    private static final String ALICE = "arn:aws:secretsmanager:us-east-1:000000000000:secret:alice";

    private final FakeSecrets backend = new FakeSecrets();
    private final SecretEditorViewModel vm = new SecretEditorViewModel(backend, new BackgroundWork(Runnable::run, Runnable::run));

    @Test
    void storesAUsernameAndPassword_underTheEnginesAccount() {
        vm.nameProperty().set("alice");
        vm.usernameProperty().set("alice");
        vm.passwordProperty().set("s3cret-pw");

        vm.save();

        assertThat(vm.errorMessageProperty().get()).isEmpty();
        assertThat(vm.savedProperty().get().arn()).isEqualTo(ALICE);
        assertThat(backend.values.get(ALICE).json()).isEqualTo("{\"username\":\"alice\",\"password\":\"s3cret-pw\"}");
        assertThat(vm.showValuesProperty().get()).as("masked unless asked").isFalse();
    }

    @Test
    void storesAClientCertificate_leavingOutAnEmptyKeyPassword() {
        vm.nameProperty().set("arn:aws:secretsmanager:eu-west-1:123456789012:secret:client-cert");
        vm.kindProperty().set(SecretKind.CLIENT_CERTIFICATE);
        vm.certificateProperty().set("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----");
        vm.privateKeyProperty().set("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----");

        vm.save();

        assertThat(vm.savedProperty().get().fields()).containsExactly("certificate", "privateKey");
    }

    @Test
    void showsTheEnginesMessageInline_andMarksTheFieldItNames() {
        vm.nameProperty().set("alice");
        vm.usernameProperty().set("alice");

        vm.save();

        assertThat(vm.savedProperty().get()).isNull();
        assertThat(vm.errorMessageProperty().get()).isEqualTo("Secret " + ALICE + ": field \"password\" is empty");
        assertThat(vm.errorFieldProperty().get()).isEqualTo("password");
        assertThat(backend.values).isEmpty();
    }

    @Test
    void showsTheSize_andRefusesASecretOverTheLimit() {
        vm.nameProperty().set("big");
        vm.kindProperty().set(SecretKind.SERVER_ROOT_CA);
        vm.certificateProperty().set("x".repeat(70_000));

        assertThat(vm.sizeProperty().get()).isEqualTo("70,018 of 65,536 bytes: too large for Secrets Manager");
        vm.save();

        assertThat(vm.errorMessageProperty().get()).isEqualTo("Secret arn:aws:secretsmanager:us-east-1:000000000000:"
                + "secret:big is 70018 bytes: a secret can be at most 65536 bytes");
    }

    @Test
    void editsAStoredSecret_loadingItsValues() {
        backend.values.put(ALICE, new SecretValue("{\"username\":\"alice\",\"password\":\"old-pw\"}"));

        vm.edit(new SecretMetadata(ALICE, List.of("username", "password"), 40, java.time.Instant.EPOCH));
        assertThat(vm.editingProperty().get()).isTrue();
        assertThat(vm.passwordProperty().get()).isEqualTo("old-pw");
        vm.passwordProperty().set("new-pw");
        vm.save();

        assertThat(backend.values.get(ALICE).json()).isEqualTo("{\"username\":\"alice\",\"password\":\"new-pw\"}");
    }

    @Test
    void refusesAMissingName() {
        vm.usernameProperty().set("alice");
        vm.passwordProperty().set("pw");

        vm.save();

        assertThat(vm.errorMessageProperty().get()).isEqualTo("The secret needs a name (e.g. alice) or a Secrets Manager ARN");
    }
}
