package io.triggerlab.engine.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs any executable as the function, once per invocation: the event JSON on stdin, the response from stdout, the log
 * from stderr. Exit 0 is success, whatever stdout holds (JSON or not: the poller decides what a response means).
 *
 * <p>A non-zero exit is an {@code Unhandled} function error. If stdout holds Lambda's error object (a JSON object with an
 * {@code errorMessage}), that is the error payload, so a script can report its own {@code errorType}; otherwise it is
 * Lambda's own words for a runtime that exited: {@code {"errorMessage":"RequestId: <id> Error: Runtime exited with
 * error: exit status 3","errorType":"Runtime.ExitError"}}.
 *
 * <p>The program also gets Lambda's environment ({@code AWS_LAMBDA_FUNCTION_NAME}, {@code AWS_REGION}, ...) plus
 * {@code TRIGGERLAB_REQUEST_ID} and {@code TRIGGERLAB_DEADLINE_MS} (epoch millis, like the runtime API's
 * {@code Lambda-Runtime-Deadline-Ms}); the target's own variables win. Past the timeout the process and all its
 * descendants are terminated, then killed, and the result is {@link InvocationResult.TimedOut}. If the program exits but
 * a background child keeps its stdout open, the output read until the deadline is used.
 */
public final class CommandInvoker implements FunctionInvoker {

    /** How long a process may take to exit after SIGTERM before it is killed. */
    static final Duration KILL_GRACE = Duration.ofMillis(500);
    /** How long to wait for the rest of the output once a process has ended (or been killed). */
    static final Duration DRAIN_GRACE = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(CommandInvoker.class);

    private final FunctionDefinition function;
    private final CommandTarget target;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger invocationNumber = new AtomicInteger();

    /** An invoker for {@code function}, whose target must be a {@link CommandTarget}. */
    public CommandInvoker(FunctionDefinition function) {
        this(function, Clock.systemUTC());
    }

    /** {@code clock} gives the wall-clock deadline passed as {@code TRIGGERLAB_DEADLINE_MS}. */
    public CommandInvoker(FunctionDefinition function, Clock clock) {
        this.target = function.targetAs(CommandTarget.class, "the command invoker", "command");
        this.function = function;
        this.clock = clock;
    }

    @Override
    public InvocationResult invoke(InvocationRequest request) {
        long start = System.nanoTime();
        long deadline = start + request.timeout().toNanos();
        InvocationLog log = new InvocationLog(request.requestId());
        Process process;
        try {
            process = processBuilder(request).start();
        } catch (IOException e) {
            String message = "Could not start the command '" + target.command().get(0) + "' for function '" + function.name()
                    + "': " + e.getMessage() + ". Check that the program exists (an absolute path or on the PATH), is "
                    + "executable, and that the working directory " + target.workingDirectory() + " exists";
            LOG.warn("{}", message);
            Duration duration = since(start);
            return new InvocationResult.InvokeFailed(message, log.finish(duration), duration);
        }
        String threadPrefix = "fn-" + function.name() + "-" + invocationNumber.incrementAndGet() + "-";
        OutputDrain stdout = OutputDrain.start(process.getInputStream(), threadPrefix + "stdout");
        OutputDrain stderr = OutputDrain.start(process.getErrorStream(), threadPrefix + "stderr");
        feedStdin(process, request.payload(), threadPrefix + "stdin");
        try {
            return awaitOutcome(process, request, deadline, stdout, stderr, log, start);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            Duration duration = since(start);
            return new InvocationResult.InvokeFailed("Interrupted while waiting for function '" + function.name() + "'",
                    log.finish(duration), duration);
        }
    }

    private InvocationResult awaitOutcome(Process process, InvocationRequest request, long deadline, OutputDrain stdout,
                                          OutputDrain stderr, InvocationLog log, long start) throws InterruptedException {
        if (!process.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            killTree(process);
            stderr.awaitEnd(DRAIN_GRACE.toNanos());
            log.raw(text(stderr.bytes()));
            String message = InvocationResult.TimedOut.messageFor(request.timeout());
            log.timedOut(message);
            Duration duration = since(start);
            return new InvocationResult.TimedOut(message, log.finish(duration), duration);
        }
        long drainUntil = Math.max(deadline, System.nanoTime() + DRAIN_GRACE.toNanos());
        stdout.awaitEnd(drainUntil - System.nanoTime());
        stderr.awaitEnd(drainUntil - System.nanoTime());
        log.raw(text(stderr.bytes()));
        byte[] output = stdout.bytes();
        Duration duration = since(start);
        if (process.exitValue() == 0) {
            return new InvocationResult.Success(output, "$LATEST", log.finish(duration), duration);
        }
        byte[] error = errorPayload(output, process.exitValue(), request.requestId());
        log.line(text(error)); // as Lambda logs a runtime's exit
        return new InvocationResult.FunctionError("Unhandled", error, log.finish(duration), duration);
    }

    private ProcessBuilder processBuilder(InvocationRequest request) {
        ProcessBuilder builder = new ProcessBuilder(target.command());
        if (target.workingDirectory() != null) {
            builder.directory(target.workingDirectory().toFile());
        }
        Map<String, String> environment = builder.environment();
        environment.putAll(lambdaEnvironment(request));
        environment.putAll(target.environment());
        return builder;
    }

    private Map<String, String> lambdaEnvironment(InvocationRequest request) {
        return Map.of(
                "AWS_LAMBDA_FUNCTION_NAME", function.name(),
                "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(InvocationLog.MEMORY_SIZE_MB),
                "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name(),
                "AWS_REGION", function.region(),
                "AWS_DEFAULT_REGION", function.region(),
                "TRIGGERLAB_REQUEST_ID", request.requestId(),
                "TRIGGERLAB_DEADLINE_MS", String.valueOf(clock.millis() + request.timeout().toMillis()));
    }

    /**
     * Writes the event on its own thread: a big event would otherwise block on a full pipe while stdout fills too.
     * The thread writes a copy: it may outlive {@code invoke} (a child process that inherited stdin reads on), while
     * the poller reuses the event's buffer as soon as {@code invoke} returns. One copy against starting a process.
     */
    private void feedStdin(Process process, EventPayload payload, String threadName) {
        byte[] event = payload.copy();
        Thread feeder = new Thread(() -> {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(event);
            } catch (IOException e) {
                // The program exited or closed stdin without reading all of it: its choice, not an invocation failure.
                LOG.debug("Function '{}' did not read its whole input: {}", function.name(), e.toString());
            }
        }, threadName);
        feeder.setDaemon(true);
        feeder.start();
    }

    /** SIGTERM to the process and every descendant, then SIGKILL to whatever is still alive after {@link #KILL_GRACE}. */
    private static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList(); // before the parent dies and they are orphaned
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            process.waitFor(KILL_GRACE.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // no more grace: kill now, and let the caller see the interrupt
        }
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private byte[] errorPayload(byte[] stdout, int exitCode, String requestId) {
        if (isLambdaErrorObject(stdout)) {
            return stdout;
        }
        return LambdaErrorJson.of("Runtime.ExitError",
                "RequestId: " + requestId + " Error: Runtime exited with error: exit status " + exitCode);
    }

    private boolean isLambdaErrorObject(byte[] stdout) {
        try {
            JsonNode node = json.readTree(stdout);
            return node != null && node.isObject() && node.path("errorMessage").isTextual();
        } catch (IOException e) {
            return false; // not JSON at all
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Nothing to release: each invocation's process is gone when {@link #invoke} returns. */
    @Override
    public void close() {
    }
}
