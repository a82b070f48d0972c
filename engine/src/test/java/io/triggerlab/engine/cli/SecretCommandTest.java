package io.triggerlab.engine.cli;

import io.triggerlab.engine.infra.secrets.LocalVault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code triggerlab secret put|list|remove} on a data directory, in process. */
class SecretCommandTest {

    private static final String ARN = "arn:aws:secretsmanager:us-east-1:000000000000:secret:kafka-user";
    private static final String PASSWORD = "cli-s3cret-value";

    @TempDir
    Path home;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = new TriggerLabCli(new CliEnvironment(Map.of("TRIGGERLAB_HOME", home.toString()), "/nowhere"))
                .commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void putsListsAndRemovesASecret_withoutEverPrintingItsValue() throws Exception {
        Path file = Files.writeString(home.resolve("user.json"),
                "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}\n");

        assertThat(run("secret", "put", "kafka-user", "--file", file.toString())).isZero();
        assertThat(out.toString()).isEqualTo("Stored " + ARN + " (50 bytes, fields username, password)"
                + System.lineSeparator());
        assertThat(LocalVault.open(home.resolve("secrets"), Clock.systemUTC()).secretValue(ARN).json()).contains(PASSWORD);

        assertThat(run("secret", "list")).isZero();
        assertThat(out.toString()).startsWith(ARN + "  fields=username,password  bytes=50  updated=")
                .doesNotContain(PASSWORD).doesNotContain("alice");

        assertThat(run("secret", "remove", ARN)).isZero();
        assertThat(out.toString()).isEqualTo("Removed " + ARN + System.lineSeparator());
        assertThat(run("secret", "list")).isZero();
        assertThat(out.toString()).isEqualTo("No secrets in the local vault." + System.lineSeparator());
    }

    @Test
    void reportsAMalformedSecretInOneLine_namingTheField() throws Exception {
        Path file = Files.writeString(home.resolve("bad.json"), "{\"username\":\"alice\",\"pasword\":\"" + PASSWORD + "\"}");

        assertThat(run("secret", "put", "--data-dir", home.toString(), ARN, "--file", file.toString())).isEqualTo(2);

        assertThat(err.toString()).isEqualTo("triggerlab: Secret " + ARN + " used for SASL authentication has no "
                + "\"password\" field (expected {\"username\":\"…\",\"password\":\"…\"})" + System.lineSeparator());
    }

    @Test
    void needsAFileOrStdin_andRefusesToRemoveAnUnknownSecret() {
        assertThat(run("secret", "put", ARN)).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required argument");

        assertThat(run("secret", "remove", "nothing-here")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("triggerlab: No secret arn:aws:secretsmanager:us-east-1:000000000000:"
                + "secret:nothing-here in the local vault (see 'triggerlab secret list')" + System.lineSeparator());
    }
}
