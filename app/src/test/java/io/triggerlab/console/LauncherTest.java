package io.triggerlab.console;

import io.triggerlab.engine.Version;
import io.triggerlab.engine.selftest.SelfTestFailedException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String[]> launched = new ArrayList<>();
    private final List<PrintStream> selfTests = new ArrayList<>();
    private RuntimeException selfTestFailure;

    private int run(String... args) {
        return run(Map.of("DISPLAY", ":0"), args);
    }

    private int run(Map<String, String> environment, String... args) {
        Properties linuxDesktop = new Properties();
        linuxDesktop.setProperty("os.name", "Linux");
        Launcher launcher = new Launcher(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment, "/home/dev", linuxDesktop,
                launched::add, this::selfTest);
        return launcher.run(args);
    }

    private void selfTest(PrintStream stream) {
        selfTests.add(stream);
        if (selfTestFailure != null) {
            throw selfTestFailure;
        }
        stream.println("Self-test passed in 1 ms.");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void version_printsTheReleaseVersion_withoutLaunchingTheConsole() {
        int exit = run("--version");

        assertThat(exit).isZero();
        assertThat(out()).isEqualTo("TriggerLab console " + Version.current() + System.lineSeparator());
        assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(launched).isEmpty();
    }

    @Test
    void help_listsTheOptions_withoutLaunchingTheConsole() {
        int exit = run("--help");

        assertThat(exit).isZero();
        assertThat(out()).contains("--data-dir DIR", "--version", "--self-test", "--help", "TRIGGERLAB_HOME");
        assertThat(launched).isEmpty();
    }

    @Test
    void selfTest_runsWithoutADisplay_printsToStdout_andExitsZero() {
        int exit = run(Map.of(), "--self-test");

        assertThat(exit).isZero();
        assertThat(selfTests).hasSize(1);
        assertThat(out()).isEqualTo("Self-test passed in 1 ms." + System.lineSeparator());
        assertThat(launched).isEmpty();
    }

    @Test
    void selfTestFailure_printsTheFailedStepOnStderr_andExitsThree() {
        selfTestFailure = new SelfTestFailedException("starting the engine", "port 9092 is in use", null);

        int exit = run(Map.of(), "--self-test");

        assertThat(exit).isEqualTo(Launcher.EXIT_SELF_TEST_FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("Self-test failed while starting the engine: port 9092 is in use" + System.lineSeparator())
                .contains("The installation does not work as it should.");
        assertThat(launched).isEmpty();
    }

    @Test
    void helpAndVersion_winOverSelfTest() {
        assertThat(LaunchOptions.parse(List.of("--self-test", "--version"), Map.of(), "/home/dev").command())
                .isEqualTo(LaunchOptions.Command.VERSION);
        assertThat(LaunchOptions.parse(List.of("--help", "--self-test"), Map.of(), "/home/dev").command())
                .isEqualTo(LaunchOptions.Command.HELP);
        assertThat(LaunchOptions.parse(List.of("--self-test"), Map.of(), "/home/dev").command())
                .isEqualTo(LaunchOptions.Command.SELF_TEST);
    }

    @Test
    void unknownOption_failsWithAPointerToHelp() {
        int exit = run("--colour");

        assertThat(exit).isEqualTo(Launcher.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8).trim())
                .isEqualTo("Unknown option '--colour'. Run with --help to see the options.");
        assertThat(launched).isEmpty();
    }

    @Test
    void dataDirWithoutAValue_failsAndSaysWhatIsMissing() {
        int exit = run("--data-dir");

        assertThat(exit).isEqualTo(Launcher.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Option --data-dir needs a directory");
    }

    @Test
    void noOptions_launchesTheConsoleWithTheRawArguments() {
        int exit = run("--data-dir", "/tmp/demo");

        assertThat(exit).isZero();
        assertThat(launched).singleElement().satisfies(args -> assertThat(args).containsExactly("--data-dir", "/tmp/demo"));
    }

    @Test
    void withoutADisplay_saysSoInsteadOfAToolkitStackTrace() {
        int exit = run(Map.of(), "--data-dir", "/tmp/demo");

        assertThat(exit).isEqualTo(Launcher.EXIT_NO_DISPLAY);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("The console needs a display, but DISPLAY and WAYLAND_DISPLAY are not set.")
                .contains("xvfb-run");
        assertThat(launched).isEmpty();
    }

    @Test
    void dataDirectory_explicitWins_thenTriggerlabHome_thenUserHome() {
        Map<String, String> env = Map.of("TRIGGERLAB_HOME", "/srv/tl");

        assertThat(LaunchOptions.parse(List.of("--data-dir", "/tmp/x"), env, "/home/dev").dataDirectory())
                .isEqualTo(Path.of("/tmp/x"));
        assertThat(LaunchOptions.parse(List.of("--data-dir=/tmp/y"), env, "/home/dev").dataDirectory())
                .isEqualTo(Path.of("/tmp/y"));
        assertThat(LaunchOptions.parse(List.of(), env, "/home/dev").dataDirectory()).isEqualTo(Path.of("/srv/tl"));
        assertThat(LaunchOptions.parse(List.of(), Map.of(), "/home/dev").dataDirectory())
                .isEqualTo(Path.of("/home/dev/.triggerlab"));
    }

    /** The real main class in a fresh JVM with no display and no Monocle: --version must not need a toolkit. */
    @Test
    void version_worksInAFreshJvmWithoutADisplay() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "--version").redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();

        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();

        assertThat(exit).as(output).isZero();
        assertThat(output.trim()).isEqualTo("TriggerLab console " + Version.current());
    }
}
