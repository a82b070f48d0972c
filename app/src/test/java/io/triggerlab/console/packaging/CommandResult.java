package io.triggerlab.console.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What one external command did: its exit code and its output (stdout and stderr together), for the installer tests
 * that run packaging tools and maintainer scripts as real processes.
 */
record CommandResult(List<String> command, int exitCode, String output) {

    /** The process was still running at its deadline and has been killed. */
    static final int TIMED_OUT = -1;

    /**
     * Runs {@code command} in {@code directory} and waits at most {@code timeout}. With a non-null
     * {@code environment} the process gets exactly those variables (nothing inherited from the build); with null,
     * the build's environment.
     */
    static CommandResult run(List<String> command, Path directory, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("installer-test-command", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            if (environment != null) {
                builder.environment().clear();
                builder.environment().putAll(environment);
            }
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return new CommandResult(List.copyOf(command), finished ? process.exitValue() : TIMED_OUT, output);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    boolean succeeded() {
        return exitCode == 0;
    }

    /** For assertion messages: the command, how it ended and what it printed. */
    String describe() {
        String ending = exitCode == TIMED_OUT ? "timed out" : "exit code " + exitCode;
        return String.join(" ", command) + " (" + ending + ")" + System.lineSeparator() + output;
    }
}
