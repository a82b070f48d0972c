package io.triggerlab.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The argument handling of {@code sandbox} and {@code policy}; their round trips to an engine are in SecuredSandboxIT. */
class AuthCommandsTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new TriggerLabCli(new CliEnvironment(Map.of(), "/home/nobody")).commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void policyCheck_needsExactlyOneOfPolicyFileAndManaged() {
        Run none = run("policy", "check", "--mapping", "6f2a0000-0000-0000-0000-000000000000");
        assertThat(none.exitCode()).isEqualTo(TriggerLabCli.EXIT_USAGE);
        assertThat(none.err()).contains("Error: Missing required argument (specify one of these): "
                + "(--policy-file=FILE | --managed=NAME)");

        Run both = run("policy", "check", "--mapping", "x", "--policy-file", "p.json", "--managed", "AWSLambdaMSKExecutionRole");
        assertThat(both.exitCode()).isEqualTo(TriggerLabCli.EXIT_USAGE);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void policyCheck_reportsAMissingOrBrokenPolicyFile_beforeCallingTheEngine(@TempDir Path dir) throws Exception {
        Run missing = run("policy", "check", "--mapping", "x", "--policy-file", dir.resolve("nope.json").toString(),
                "--endpoint", "http://127.0.0.1:1");
        assertThat(missing.err().strip()).isEqualTo("triggerlab: The policy file " + dir.resolve("nope.json")
                + " does not exist");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"Statement\": [\n");
        Run invalid = run("policy", "check", "--mapping", "x", "--policy-file", broken.toString(),
                "--endpoint", "http://127.0.0.1:1");
        assertThat(invalid.exitCode()).isEqualTo(TriggerLabCli.EXIT_USAGE);
        assertThat(invalid.err()).startsWith("triggerlab: The policy file " + broken + " is not valid JSON (line 2");
    }

    @Test
    void sandboxUserAdd_readsThePasswordFromAFile_only(@TempDir Path dir) throws Exception {
        Run noFile = run("sandbox", "user", "add", "alice");
        assertThat(noFile.exitCode()).isEqualTo(TriggerLabCli.EXIT_USAGE);
        assertThat(noFile.err()).contains("Missing required option: '--password-file=FILE'");

        Path empty = dir.resolve("empty");
        Files.writeString(empty, "\n");
        Run emptyPassword = run("sandbox", "user", "add", "alice", "--password-file", empty.toString());
        assertThat(emptyPassword.err().strip()).isEqualTo("triggerlab: The password file " + empty
                + " is empty: put the password in it");
        assertThat(SandboxCommand.readPassword(write(dir, "pw\r\n"))).isEqualTo("pw");
        assertThat(SandboxCommand.readPassword(write(dir, "with space \n"))).isEqualTo("with space ");
    }

    @Test
    void sandboxCommands_sayWhenNoEngineAnswers() {
        Run acl = run("sandbox", "acl", "grant-esm", "--user", "alice", "--topic", "t", "--group", "g",
                "--endpoint", "http://127.0.0.1:1");
        assertThat(acl.exitCode()).isEqualTo(TriggerLabCli.EXIT_USAGE);
        assertThat(acl.err()).contains("No TriggerLab engine answers at http://127.0.0.1:1");
    }

    private static Path write(Path dir, String text) throws Exception {
        Path file = Files.createTempFile(dir, "pw", ".txt");
        Files.writeString(file, text);
        return file;
    }
}
