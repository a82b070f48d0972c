package io.triggerlab.engine.cli;

import io.triggerlab.engine.Version;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** In-process: parsing, version and the errors that stop {@code serve} before anything starts. */
class TriggerLabCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsTheReleaseVersion() {
        assertThat(run("--version")).isZero();

        assertThat(out.toString()).isEqualTo("triggerlab " + Version.current() + System.lineSeparator());
        assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void showsUsageAndFails_whenNoCommandIsGiven() {
        assertThat(run()).isEqualTo(2);

        assertThat(err.toString()).contains("Usage: triggerlab").contains("serve");
    }

    @Test
    void reportsAnUnknownOptionInOneLine() {
        assertThat(run("serve", "--no-such-option")).isEqualTo(2);

        assertThat(err.toString()).isEqualTo("triggerlab: Unknown option: '--no-such-option' (see 'triggerlab serve --help')"
                + System.lineSeparator());
    }

    @Test
    void reportsANonNumericPortInOneLine() {
        assertThat(run("serve", "--api-port", "http")).isEqualTo(2);

        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("triggerlab: Invalid value for option '--api-port': 'http' is not an int");
    }

    @Test
    void refusesAnApiPortOutOfRange_beforeStartingAnything() {
        assertThat(run("serve", "--data-dir", "/nonexistent/never-created", "--api-port", "70000")).isEqualTo(2);

        assertThat(err.toString()).isEqualTo("triggerlab: API port 70000 is out of range: must be 0..65535 (0 = any free port)"
                + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void refusesASandboxPortOutOfRange() {
        assertThat(run("serve", "--data-dir", "/nonexistent/never-created", "--sandbox-port", "-1")).isEqualTo(2);

        assertThat(err.toString()).isEqualTo("triggerlab: Sandbox port -1 is out of range: must be 0..65535 (0 = any free port)"
                + System.lineSeparator());
    }

    @Test
    void refusesASandboxPortTogetherWithAnExistingCluster() {
        assertThat(run("serve", "--bootstrap-servers", "localhost:9092", "--sandbox-port", "9092")).isEqualTo(2);

        assertThat(err.toString()).isEqualTo("triggerlab: --sandbox-port applies only to the embedded sandbox broker,"
                + " but --bootstrap-servers selects an existing cluster: give one or the other" + System.lineSeparator());
    }

    @Test
    void refusesBootstrapServersWithoutAPort() {
        assertThat(run("serve", "--bootstrap-servers", "localhost:9092,kafka2")).isEqualTo(2);

        assertThat(err.toString()).isEqualTo("triggerlab: --bootstrap-servers 'localhost:9092,kafka2' is not valid:"
                + " 'kafka2' must be host:port with a port 1..65535, e.g. localhost:9092 (several separated by commas)"
                + System.lineSeparator());
    }

    @Test
    void refusesAnApiBindAddressThatIsNotThisMachines_beforeStartingAnything() {
        assertThat(run("serve", "--data-dir", "/nonexistent/never-created", "--api-bind", "203.0.113.9")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("triggerlab: --api-bind 203.0.113.9 is not an address of this machine: use"
                + " one of its interface addresses, 0.0.0.0 for all of them, or 127.0.0.1 (the default)"
                + System.lineSeparator());
    }

    private int run(String... args) {
        CommandLine cli = new TriggerLabCli(new CliEnvironment(Map.of(), "/home/nobody")).commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
