package io.triggerlab.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The real main class in a fresh JVM without a display, as the packaged launcher runs it. */
class LauncherSelfTestIT {

    @Test
    void selfTest_passesWithoutADisplay_andLeavesTheUsersDataAlone(@TempDir Path temp) throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "--self-test");
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().remove("TRIGGERLAB_HOME");
        builder.redirectErrorStream(true);
        Process process = builder.start();

        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();

        assertThat(exit).as(output).isZero();
        assertThat(output)
                .contains("produced         1 record to triggerlab-self-test-0 at offset 0")
                .contains("response         {\"handler\":\"EchoHandler\",\"records\":1,\"values\":[\"Hello from the TriggerLab self-test\"]}")
                .contains("Self-test passed in ");
        try (Stream<Path> inHome = Files.list(home); Stream<Path> inTmp = Files.list(tmp)) {
            assertThat(inHome).as("no ~/.triggerlab is created").isEmpty();
            assertThat(inTmp.filter(p -> p.getFileName().toString().startsWith("triggerlab-self-test-")))
                    .as("the temporary data directory is deleted").isEmpty();
        }
    }
}
