package io.triggerlab.engine.infra.store;

import io.triggerlab.engine.testing.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lock must hold against another process, which is the case it exists for. */
class DataDirectoryLockIT {

    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path root;

    @Test
    @SuppressWarnings("try") // the resource is held only for its lock
    void refusesASecondProcess_whileThisOneHoldsTheDirectory() {
        try (DataDirectory held = DataDirectory.open(root);
             JavaProcess probe = JavaProcess.start(DataDirectoryProbe.class.getName(), root.toString())) {

            assertThat(probe.awaitExit(PROCESS_TIMEOUT)).isEqualTo(DataDirectoryProbe.EXIT_IN_USE);
            assertThat(probe.stdout()).containsExactly("IN_USE: " + inUseMessage(root));
        }
    }

    @Test
    @SuppressWarnings("try") // the resource is held only for its lock
    void keepsTheLockAgainstOtherProcesses_afterASecondOpenInThisJvmFailed() {
        try (DataDirectory held = DataDirectory.open(root)) {
            assertThatThrownBy(() -> DataDirectory.open(root))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessage(inUseMessage(root));

            // On Linux, closing any channel to a file can drop this process's lock on it; the failed open closed one.
            try (JavaProcess probe = JavaProcess.start(DataDirectoryProbe.class.getName(), root.toString())) {
                assertThat(probe.awaitExit(PROCESS_TIMEOUT)).isEqualTo(DataDirectoryProbe.EXIT_IN_USE);
            }
        }
    }

    @Test
    void letsAnotherProcessIn_onceThisOneClosedTheDirectory() {
        DataDirectory.open(root).close();

        try (JavaProcess probe = JavaProcess.start(DataDirectoryProbe.class.getName(), root.toString())) {
            assertThat(probe.awaitExit(PROCESS_TIMEOUT)).isZero();
            assertThat(probe.stdout()).containsExactly("OPENED");
        }
    }

    private static String inUseMessage(Path root) {
        return "The TriggerLab data directory " + root + " is in use by another TriggerLab process. "
                + "Stop that process, or start this one with another directory (--data-dir or TRIGGERLAB_HOME).";
    }
}
