package io.triggerlab.engine.invoke.runtime;

import io.triggerlab.engine.invoke.InvocationRequest;
import io.triggerlab.engine.invoke.InvocationResult;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.RuntimeTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Lambda execution environment: a runtime process and the Runtime API endpoint it talks to. It initializes once
 * (until the runtime first asks for work), then serves invocations one at a time, warm, until it is stopped: by the
 * pool when idle or when the function changed, or by itself when the runtime crashed or an invocation timed out.
 */
final class ExecutionEnvironment implements AutoCloseable {

    /** How long a runtime that replied may take to ask for its next invocation before the log is closed anyway. */
    static final Duration NEXT_GRACE = Duration.ofMillis(500);
    /** How long to wait for a process that is exiting to finish writing. */
    static final Duration EXIT_GRACE = Duration.ofMillis(500);
    static final Duration KILL_GRACE = Duration.ofMillis(500);
    /** A suspended timeout (debugging) still needs a deadline header: a day is longer than any breakpoint. */
    static final Duration SUSPENDED_DEADLINE = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEnvironment.class);

    private final String name;
    private final FunctionDefinition function;
    private final RuntimeTarget target;
    private final RuntimeLaunch launch;
    private final Clock clock;
    private final RuntimeApiServer server;
    private final Process process;
    private final CompletableFuture<Process> exited;
    private final ProcessOutput output;
    private final long startedNanos;
    private Duration initDuration;
    private volatile boolean dead;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long lastUsedNanos = System.nanoTime();

    private ExecutionEnvironment(String name, FunctionDefinition function, RuntimeTarget target, RuntimeLaunch launch,
                                 Clock clock, RuntimeApiServer server, Process process, ProcessOutput output,
                                 long startedNanos) {
        this.name = name;
        this.function = function;
        this.target = target;
        this.launch = launch;
        this.clock = clock;
        this.server = server;
        this.process = process;
        this.startedNanos = startedNanos;
        this.exited = process.onExit();
        this.output = output;
    }

    /** Starts the runtime process; its init runs while the first invocation waits for it. */
    static ExecutionEnvironment start(String name, FunctionDefinition function, RuntimeTarget target, RuntimeLaunch launch,
                                      Clock clock, Path logDirectory) throws RuntimeUnavailableException {
        RuntimeApiServer server;
        try {
            server = new RuntimeApiServer(name);
        } catch (IOException e) {
            throw new RuntimeUnavailableException("Cannot open the Runtime API on 127.0.0.1 for function '"
                    + function.name() + "': " + e.getMessage());
        }
        ProcessOutput output;
        try {
            output = ProcessOutput.create(logDirectory.resolve(name + ".log"));
        } catch (IOException e) {
            server.close();
            throw new RuntimeUnavailableException("Cannot create the log file of function '" + function.name() + "' in "
                    + logDirectory + ": " + e.getMessage());
        }
        ProcessBuilder builder = new ProcessBuilder(launch.command())
                .directory(launch.taskRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.file().toFile()));
        builder.environment().putAll(RuntimeEnvironment.variables(function, target, launch, server.address(), clock));
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            server.close();
            output.close();
            throw new RuntimeUnavailableException("Cannot start '" + launch.command().get(0) + "' for function '"
                    + function.name() + "' (" + target.runtime() + "): " + e.getMessage());
        }
        try {
            process.getOutputStream().close(); // a runtime reads nothing on stdin
        } catch (IOException e) {
            LOG.debug("Closing the stdin of {} failed: {}", name, e.toString());
        }
        LOG.info("Started execution environment {} for function {} ({}, {}, pid {})", name, function.name(),
                target.runtime(), launch.client(), process.pid());
        return new ExecutionEnvironment(name, function, target, launch, clock, server, process, output, started);
    }

    String name() {
        return name;
    }

    FunctionDefinition function() {
        return function;
    }

    boolean isDead() {
        return dead || !process.isAlive();
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    /** Runs one invocation; never throws for the function's own failures. Not for concurrent use. */
    InvocationResult invoke(InvocationRequest request, Duration initLimit, boolean timeoutSuspended) {
        try {
            return invokeOnce(request, initLimit, timeoutSuspended);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            String logs = output.take();
            close();
            return new InvocationResult.InvokeFailed("Interrupted while function '" + function.name() + "' ran",
                    logs, Duration.ZERO);
        } finally {
            lastUsedNanos = System.nanoTime();
        }
    }

    private InvocationResult invokeOnce(InvocationRequest request, Duration initLimit, boolean timeoutSuspended)
            throws InterruptedException {
        String requestId = request.requestId();
        StringBuilder log = new StringBuilder();
        Duration coldInit = null;
        if (initDuration == null) {
            log.append(LambdaLogLines.initStart(target.runtime().id(), launch.client()));
            InvocationResult failedInit = awaitInit(requestId, initLimit, log);
            if (failedInit != null) {
                return failedInit;
            }
            coldInit = initDuration;
        }
        log.append(LambdaLogLines.asLines(output.take()));
        log.append(LambdaLogLines.start(requestId));
        Duration timeout = timeoutSuspended ? SUSPENDED_DEADLINE : request.timeout();
        long invokeStart = System.nanoTime();
        long deadline = invokeStart + timeout.toNanos();
        PendingInvocation invocation = new PendingInvocation(requestId, request.payload().copy(),
                clock.millis() + timeout.toMillis(), function.functionArn(), traceId(), new CompletableFuture<>());
        int nextCallsSeen = server.nextCalls();
        RuntimeReply reply = null;
        if (server.deliver(invocation, deadline - System.nanoTime())) {
            reply = awaitReply(invocation, deadline);
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - invokeStart);
        if (reply == null && process.isAlive()) {
            return timedOut(request, log, duration, coldInit);
        }
        if (reply == null) {
            return exitedWhileInvoked(requestId, log, duration, coldInit);
        }
        server.awaitNextCall(nextCallsSeen, NEXT_GRACE.toNanos());
        log.append(LambdaLogLines.asLines(output.take()));
        if (reply instanceof RuntimeReply.Response response) {
            return new InvocationResult.Success(response.body(), "$LATEST", close(log, requestId, duration, coldInit), duration);
        }
        byte[] error = reply instanceof RuntimeReply.Error e ? errorBody(e.errorType(), e.body())
                : LambdaErrors.responseTooLarge();
        return new InvocationResult.FunctionError("Unhandled", error, close(log, requestId, duration, coldInit), duration);
    }

    /** Waits for the runtime's first {@code /next}; returns the failed invocation's result if it never comes. */
    private InvocationResult awaitInit(String requestId, Duration initLimit, StringBuilder log) throws InterruptedException {
        try {
            CompletableFuture.anyOf(server.firstNext(), server.initError(), exited).get(initLimit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Waiting for the init of " + name + " failed", e);
        } catch (TimeoutException e) {
            // handled below: nothing completed
        }
        if (server.firstNext().isDone()) {
            initDuration = Duration.ofNanos(server.firstNext().join() - startedNanos);
            return null;
        }
        Duration init = Duration.ofNanos(System.nanoTime() - startedNanos);
        if (server.initError().isDone()) {
            RuntimeReply.InitError error = (RuntimeReply.InitError) server.initError().join();
            byte[] body = errorBody(error.errorType(), error.body());
            stopAndDrain();
            log.append(LambdaLogLines.asLines(output.take()));
            log.append(LambdaLogLines.initReport(init, "error", LambdaErrors.errorType(body)));
            return new InvocationResult.FunctionError("Unhandled", body, framed(log, requestId, init), Duration.ZERO);
        }
        if (!process.isAlive()) {
            byte[] body = LambdaErrors.exitError(requestId, process.exitValue());
            log.append(LambdaLogLines.asLines(output.take()));
            log.append(LambdaLogLines.initReport(init, "error", "Runtime.ExitError"));
            stopAndDrain();
            return new InvocationResult.FunctionError("Unhandled", body, framed(log, requestId, init), Duration.ZERO);
        }
        stopAndDrain();
        log.append(LambdaLogLines.asLines(output.take()));
        log.append(LambdaLogLines.initReport(init, "timeout", null));
        String message = "Function '" + function.name() + "' (" + target.runtime() + ", " + launch.client() + ") did not "
                + "ask for an invocation (GET /2018-06-01/runtime/invocation/next) within " + initLimit.toSeconds()
                + " s of starting, Lambda's init limit; its process was stopped. A custom runtime's bootstrap must "
                + "call the Runtime API at $AWS_LAMBDA_RUNTIME_API in a loop.";
        LOG.warn("{}", message);
        return new InvocationResult.InvokeFailed(message, framed(log, requestId, init), init);
    }

    private RuntimeReply awaitReply(PendingInvocation invocation, long deadline) throws InterruptedException {
        try {
            CompletableFuture.anyOf(invocation.reply(), exited).get(Math.max(0, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // a timeout: reported by the caller
        }
        return invocation.reply().getNow(null);
    }

    private InvocationResult timedOut(InvocationRequest request, StringBuilder log, Duration duration, Duration coldInit)
            throws InterruptedException {
        stopAndDrain();
        log.append(LambdaLogLines.asLines(output.take()));
        String message = InvocationResult.TimedOut.messageFor(request.timeout());
        log.append(Instant.now(clock)).append(' ').append(request.requestId()).append(' ').append(message).append('\n');
        return new InvocationResult.TimedOut(message, close(log, request.requestId(), duration, coldInit), duration);
    }

    private InvocationResult exitedWhileInvoked(String requestId, StringBuilder log, Duration duration, Duration coldInit)
            throws InterruptedException {
        process.waitFor(EXIT_GRACE.toNanos(), TimeUnit.NANOSECONDS);
        log.append(LambdaLogLines.asLines(output.take()));
        byte[] body = LambdaErrors.exitError(requestId, process.exitValue());
        log.append("RequestId: ").append(requestId).append(" Error: Runtime exited with error: ")
                .append(LambdaErrors.exitStatus(process.exitValue())).append("\nRuntime.ExitError\n");
        stopAndDrain();
        return new InvocationResult.FunctionError("Unhandled", body, close(log, requestId, duration, coldInit), duration);
    }

    /** The runtime's error body, or Lambda's default from the error-type header when the runtime sent none. */
    private static byte[] errorBody(String errorType, byte[] body) {
        return body.length > 0 ? body : LambdaErrors.of(errorType.isEmpty() ? "Runtime.Unknown" : errorType,
                "The runtime reported an error of type " + (errorType.isEmpty() ? "(none)" : errorType) + " without a body");
    }

    private String close(StringBuilder log, String requestId, Duration duration, Duration coldInit) {
        log.append(LambdaLogLines.end(requestId));
        log.append(LambdaLogLines.report(requestId, duration, target.memorySize(),
                process.isAlive() ? ProcessMemory.peakMb(process.pid()) : null, coldInit));
        return log.toString();
    }

    /** START, END and REPORT of an invocation that never reached the handler (its init failed). */
    private String framed(StringBuilder log, String requestId, Duration init) {
        log.append(LambdaLogLines.start(requestId));
        log.append(LambdaLogLines.end(requestId));
        log.append(LambdaLogLines.report(requestId, Duration.ZERO, target.memorySize(), null, init));
        return log.toString();
    }

    private void stopAndDrain() {
        dead = true;
        stopProcess();
    }

    private static String traceId() {
        String hex = UUID.randomUUID().toString().replace("-", "");
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + hex.substring(0, 24)
                + ";Parent=" + hex.substring(8, 24) + ";Sampled=0";
    }

    /** Stops the runtime process (and whatever it started) and the endpoint; the environment cannot be used again. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stopProcess();
            server.close();
            output.close();
        }
    }

    private void stopProcess() {
        dead = true;
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(KILL_GRACE.toNanos(), TimeUnit.NANOSECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
