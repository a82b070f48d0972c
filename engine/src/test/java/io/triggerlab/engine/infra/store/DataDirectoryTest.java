package io.triggerlab.engine.infra.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataDirectoryTest {

    private static final String HOME = "/home/dev";

    @TempDir
    Path root;

    @Test
    void usesTheExplicitDirectory_evenWhenTheEnvironmentNamesAnother() {
        Path resolved = DataDirectory.resolve(Path.of("/data/explicit"), Map.of("TRIGGERLAB_HOME", "/data/env"), HOME);

        assertThat(resolved).isEqualTo(Path.of("/data/explicit"));
    }

    @Test
    void usesTriggerLabHome_whenNoDirectoryIsGiven() {
        Path resolved = DataDirectory.resolve(null, Map.of("TRIGGERLAB_HOME", "/data/env"), HOME);

        assertThat(resolved).isEqualTo(Path.of("/data/env"));
    }

    @Test
    void fallsBackToDotTriggerLabInTheUserHome() {
        assertThat(DataDirectory.resolve(null, Map.of(), HOME)).isEqualTo(Path.of("/home/dev/.triggerlab"));
        assertThat(DataDirectory.resolve(null, Map.of("TRIGGERLAB_HOME", "  "), HOME))
                .isEqualTo(Path.of("/home/dev/.triggerlab"));
    }

    @Test
    void makesARelativeDirectoryAbsolute() {
        Path resolved = DataDirectory.resolve(Path.of("rel/../data"), Map.of(), HOME);

        assertThat(resolved).isEqualTo(Path.of("").toAbsolutePath().resolve("data"));
    }

    @Test
    @SuppressWarnings("try") // the resource is held only for its lock
    void refusesASecondOpenInTheSameJvm_withAMessageSayingWhatToDo() {
        try (DataDirectory first = DataDirectory.open(root)) {
            assertThatThrownBy(() -> DataDirectory.open(root))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessage("The TriggerLab data directory " + root + " is in use by another TriggerLab process. "
                            + "Stop that process, or start this one with another directory (--data-dir or TRIGGERLAB_HOME).");
            assertThatThrownBy(() -> DataDirectory.open(root.resolve(".")))
                    .as("the same directory spelled differently")
                    .isInstanceOf(DataDirectoryInUseException.class);
        }
    }

    @Test
    void canBeOpenedAgain_afterClose() {
        DataDirectory first = DataDirectory.open(root);
        first.close();
        first.close(); // a second close is a no-op

        try (DataDirectory again = DataDirectory.open(root)) {
            assertThat(again.root()).isEqualTo(root);
            assertThat(again.databaseFile()).isEqualTo(root.resolve("db").resolve("triggerlab"));
            assertThat(again.brokerDirectory()).isEqualTo(root.resolve("sandbox-broker"));
        }
    }

    @Test
    @SuppressWarnings("try") // the resource is held only for its lock
    void createsAMissingDirectory() {
        Path nested = root.resolve("a").resolve("b");

        try (DataDirectory dir = DataDirectory.open(nested)) {
            assertThat(nested.resolve("engine.lock")).exists();
        }
    }
}
