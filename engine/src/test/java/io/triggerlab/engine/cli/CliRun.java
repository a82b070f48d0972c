package io.triggerlab.engine.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One run of the {@code triggerlab} command in this JVM: its exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return of(new StringWriter(), new StringWriter(), args);
    }

    /** Prints into {@code out} and {@code err} as it goes, so a test can watch a command that keeps running. */
    static CliRun of(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = new TriggerLabCli(new CliEnvironment(Map.of(), "/home/nobody")).commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
