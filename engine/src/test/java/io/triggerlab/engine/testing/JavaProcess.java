package io.triggerlab.engine.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A second JVM running a main class from this test run's classpath, for tests that need a real separate process
 * (file locks, signals, exit codes). Its stdout and stderr are collected line by line on daemon threads, so tests
 * can wait for a line with {@link #awaitStdout(Predicate, Duration)}. Closing it kills the process if still alive.
 */
public final class JavaProcess implements AutoCloseable {

    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private JavaProcess(Process process, String name) {
        this.process = process;
        this.stdoutReader = drain(process.getInputStream(), stdout, name + "-stdout");
        this.stderrReader = drain(process.getErrorStream(), stderr, name + "-stderr");
    }

    /** Starts {@code java -cp <this JVM's classpath> mainClass args...} with the given extra environment. */
    public static JavaProcess start(String mainClass, List<String> args, Map<String, String> environment) {
        List<String> javaArgs = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        javaArgs.addAll(args);
        return launch(javaArgs, environment, mainClass.substring(mainClass.lastIndexOf('.') + 1));
    }

    public static JavaProcess start(String mainClass, String... args) {
        return start(mainClass, List.of(args), Map.of());
    }

    /** Starts {@code java -jar jar args...}, the way a user runs the packaged engine. */
    public static JavaProcess startJar(Path jar, String... args) {
        List<String> javaArgs = new ArrayList<>(List.of("-jar", jar.toString()));
        javaArgs.addAll(List.of(args));
        return launch(javaArgs, Map.of(), jar.getFileName().toString());
    }

    private static JavaProcess launch(List<String> javaArgs, Map<String, String> environment, String name) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Quick start-up matters more than peak speed for a short-lived test process.
                "-XX:TieredStopAtLevel=1"));
        command.addAll(javaArgs);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        try {
            return new JavaProcess(builder.start(), name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a JVM: " + command, e);
        }
    }

    private static Thread drain(InputStream stream, List<String> lines, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("<reading " + name + " failed: " + e + ">");
            }
        }, "test-process-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits until a stdout line matches and returns it; fails with everything printed so far otherwise. */
    public String awaitStdout(Predicate<String> matching, Duration timeout) {
        await("a matching stdout line; stdout so far: " + stdout + ", stderr so far: " + stderr)
                .atMost(timeout)
                .pollInSameThread()
                .until(() -> stdout.stream().anyMatch(matching) || !process.isAlive() && !stdoutReader.isAlive());
        return stdout.stream().filter(matching).findFirst().orElseThrow(() -> new AssertionError(
                "The process ended (exit code " + process.exitValue() + ") without printing the expected line."
                        + " stdout: " + stdout + ", stderr: " + stderr));
    }

    /** Waits for the process to end and for all its output to be read; returns the exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("The process did not end within " + timeout + ". stdout: " + stdout
                        + ", stderr: " + stderr);
            }
            stdoutReader.join(timeout.toMillis());
            stderrReader.join(timeout.toMillis());
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for the process", e);
        }
    }

    /**
     * Asks the process to stop, like {@code kill} (SIGTERM on Unix). Through the handle on purpose:
     * {@link Process#destroy()} would also close our ends of its stdout and stderr, losing what it prints while stopping.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    public List<String> stdout() {
        return List.copyOf(stdout);
    }

    public List<String> stderr() {
        return List.copyOf(stderr);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
