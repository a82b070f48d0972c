package io.triggerlab.engine.infra.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsSettingsWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesSecretsManagerSettings_thatTheEngineReadsBack() {
        Path file = dir.resolve(AwsSettingsFile.NAME);

        AwsSettingsWriter.update(file, Map.of("profile", "dev-sso", "secretsmanager.enabled", "true",
                "secretsmanager.region", "eu-west-1"));

        AwsSettingsFile read = AwsSettingsFile.load(file, "us-east-1");
        assertThat(read.profile()).isEqualTo("dev-sso");
        assertThat(read.secretsManagerEnabled()).isTrue();
        assertThat(read.secretsManager().region()).isEqualTo("eu-west-1");
    }

    @Test
    void keepsKeysItWasNotAskedToChange_andRemovesBlankOnes() throws IOException {
        Path file = dir.resolve(AwsSettingsFile.NAME);
        Files.writeString(file, "destinations.enabled=true\nprofile=old\nsecretsmanager.region=eu-west-1\n");
        Map<String, String> changes = new HashMap<>();
        changes.put("profile", "new");
        changes.put("secretsmanager.region", "  ");

        AwsSettingsWriter.update(file, changes);

        AwsSettingsFile read = AwsSettingsFile.load(file, "us-east-1");
        assertThat(read.profile()).isEqualTo("new");
        assertThat(read.destinations().enabled()).isTrue();
        assertThat(read.secretsManager().region()).as("back to the engine's region").isEqualTo("us-east-1");
        assertThat(Files.readString(file)).doesNotContain("secretsmanager.region");
    }

    @Test
    void refusesAnUnknownKey_withoutTouchingTheFile() throws IOException {
        Path file = dir.resolve(AwsSettingsFile.NAME);
        Files.writeString(file, "profile=kept\n");

        assertThatThrownBy(() -> AwsSettingsWriter.update(file, Map.of("secretsmanager.enable", "true")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown setting 'secretsmanager.enable' for " + file + ": known settings are [");
        assertThat(Files.readString(file)).isEqualTo("profile=kept\n");
    }
}
