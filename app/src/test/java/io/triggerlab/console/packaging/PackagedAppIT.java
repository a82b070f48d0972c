package io.triggerlab.console.packaging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The installer smoke test as part of the build: jpackage makes the Linux app image from the jars this build just
 * packaged, and its launcher must answer {@code --version} and pass {@code --self-test} without a display (the engine
 * on its embedded broker, one trigger, one invocation). Runs where the installers are built: Linux with a full JDK.
 * Set {@code TRIGGERLAB_SMOKE_DEB=1} to also build, install, remove and purge the {@code .deb} (needs root and apt-get);
 * its maintainer scripts are checked without installing anything by {@link DebianPackageIT}.
 */
class PackagedAppIT {

    @Test
    void theLinuxAppImageStartsAndPassesItsSelfTest() throws IOException, InterruptedException {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the Linux installers are built on Linux");
        assumeTrue(Files.isExecutable(Path.of(System.getProperty("java.home"), "bin", "jpackage")),
                "jpackage comes with a full JDK");
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        Path log = Files.createTempFile("ci-smoke", ".log");

        Process smoke = new ProcessBuilder("bash", root.resolve("installers/ci-smoke.sh").toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = smoke.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (!finished) {
            smoke.destroyForcibly();
        }

        assertThat(finished).as("installer smoke test finished; output:%n%s", output).isTrue();
        assertThat(smoke.exitValue()).as("installer smoke test exit code; output:%n%s", output).isZero();
        assertThat(output).containsPattern("TriggerLab console \\d+\\.\\d+\\.\\d+")
                .contains("Installer smoke test passed");
    }
}
