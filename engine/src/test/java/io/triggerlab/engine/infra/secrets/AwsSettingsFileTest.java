package io.triggerlab.engine.infra.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsSettingsFileTest {

    @Test
    void destinationsStayInTheOutbox_whenTheFileIsAbsent(@TempDir Path dir) {
        AwsSettingsFile settings = AwsSettingsFile.load(dir.resolve(AwsSettingsFile.NAME), "eu-west-1");

        assertThat(settings.destinations()).isEqualTo(new AwsDestinationSettings(false, "eu-west-1", null, null));
    }

    @Test
    void readsTheDestinationKeys_withTheSharedProfile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(AwsSettingsFile.NAME);
        Files.writeString(file, "profile=dev\ndestinations.enabled=true\ndestinations.region=us-west-2\n"
                + "destinations.endpoint=http://localhost:4566\n");

        AwsSettingsFile settings = AwsSettingsFile.load(file, "eu-west-1");

        assertThat(settings.destinations()).isEqualTo(
                new AwsDestinationSettings(true, "us-west-2", "dev", URI.create("http://localhost:4566")));
        assertThat(settings.secretsManagerEnabled()).isFalse();
    }

    @Test
    void rejectsAnEnabledValueThatIsNotABoolean(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(AwsSettingsFile.NAME);
        Files.writeString(file, "destinations.enabled=yes\n");

        assertThatThrownBy(() -> AwsSettingsFile.load(file, "eu-west-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Setting 'destinations.enabled'").hasMessageContaining("is 'yes': must be true or false");
    }
}
