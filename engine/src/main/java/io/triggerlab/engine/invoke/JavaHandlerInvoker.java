package io.triggerlab.engine.invoke;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.JavaHandlerTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a Java Lambda handler inside the engine's JVM, loaded from the function's own classpath by a
 * {@link HandlerClassLoader} (isolated from the engine's libraries; Lambda's core interfaces shared).
 *
 * <p><b>Like Lambda:</b> the handler instance is created once and reused across warm invocations (with one instance per
 * concurrent invocation, as Lambda has one per execution environment); the {@code Context} carries the request id,
 * function name, ARN, 128 MB and the time left; {@code context.getLogger()} lines land in the result's logs between
 * {@code START} and {@code END}/{@code REPORT}; a thrown exception becomes an {@code Unhandled} function error with the
 * Java runtime's {@code errorMessage}/{@code errorType}/{@code stackTrace} JSON.
 *
 * <p><b>Unlike Lambda:</b> all instances share one class loader, so static state is shared; {@code System.out} goes to
 * the engine's console, not to the logs (use the context's logger); a class whose static initializer failed stays
 * failed until the function is re-registered. Each invocation runs on a thread named {@code fn-<name>-invoke-<n>}.
 * Past the timeout the result is {@link InvocationResult.TimedOut} and the thread is interrupted — but a handler that
 * ignores interrupts keeps its thread busy until it returns. Lambda would destroy the sandbox; inside a shared JVM we
 * cannot, so a later invocation simply runs on a fresh thread and a fresh handler instance.
 *
 * <p><b>Debugging:</b> the handler runs in the engine's JVM, so attach a debugger to the engine: start it with
 * {@code -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005} (e.g. via {@code JAVA_TOOL_OPTIONS}),
 * attach the IDE to port 5005 and set breakpoints in the handler's sources. Expect timeouts while paused at a breakpoint;
 * raise the function timeout while debugging.
 */
public final class JavaHandlerInvoker implements FunctionInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(JavaHandlerInvoker.class);
    private static final DateTimeFormatter LOG_STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private final FunctionDefinition function;
    private final JavaHandlerTarget target;
    private final HandlerClassLoader loader;
    private final ObjectMapper json;
    private final ExecutorService threads;
    private final String logStreamName;
    private final Deque<Object> warmInstances = new ConcurrentLinkedDeque<>();
    private final Object resolveLock = new Object();
    private HandlerMethod handler; // guarded by resolveLock; found on first use so a broken handler is a result, not a throw

    /** An invoker for {@code function}, whose target must be a {@link JavaHandlerTarget}. */
    public JavaHandlerInvoker(FunctionDefinition function) {
        this(function, Clock.systemUTC());
    }

    /** {@code clock} dates the log stream name, as Lambda's {@code 2026/01/31/[$LATEST]…}. */
    public JavaHandlerInvoker(FunctionDefinition function, Clock clock) {
        this.target = function.targetAs(JavaHandlerTarget.class, "the Java handler invoker", "java");
        this.function = function;
        this.loader = new HandlerClassLoader(target.classpath());
        this.json = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
        this.json.setTypeFactory(json.getTypeFactory().withClassLoader(loader));
        this.logStreamName = LOG_STREAM_DATE.format(clock.instant()) + "/[$LATEST]" + UUID.randomUUID().toString().replace("-", "");
        AtomicInteger threadNumber = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fn-" + function.name() + "-invoke-" + threadNumber.incrementAndGet());
            thread.setDaemon(true); // a handler that never returns must not keep the engine from exiting
            return thread;
        });
    }

    @Override
    public InvocationResult invoke(InvocationRequest request) {
        long start = System.nanoTime();
        long deadline = start + request.timeout().toNanos();
        InvocationLog log = new InvocationLog(request.requestId());
        AtomicBoolean abandoned = new AtomicBoolean();
        Future<HandlerOutcome> running;
        try {
            running = threads.submit(() -> runHandler(request, log, deadline, abandoned));
        } catch (RejectedExecutionException e) {
            return notCallable("The invoker of function '" + function.name() + "' is closed", log, start);
        }
        try {
            return toResult(running.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS), log, start);
        } catch (TimeoutException e) {
            abandoned.set(true);
            running.cancel(true);
            String message = InvocationResult.TimedOut.messageFor(request.timeout());
            log.timedOut(message);
            LOG.warn("Function '{}' request {}: {}; interrupted its handler thread (a handler that ignores interrupts "
                    + "keeps that thread busy)", function.name(), request.requestId(), message);
            Duration duration = since(start);
            return new InvocationResult.TimedOut(message, log.finish(duration), duration);
        } catch (InterruptedException e) {
            abandoned.set(true);
            running.cancel(true);
            Thread.currentThread().interrupt();
            return notCallable("Interrupted while waiting for function '" + function.name() + "'", log, start);
        } catch (ExecutionException e) {
            return notCallable("The handler thread of function '" + function.name() + "' failed: " + e.getCause(), log, start);
        }
    }

    private HandlerOutcome runHandler(InvocationRequest request, InvocationLog log, long deadline, AtomicBoolean abandoned) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader); // libraries in the handler (ServiceLoader, Jackson...) look here
        try {
            HandlerMethod method = handler();
            Object instance = method.isStatic() ? null : warmOrNewInstance(method);
            LocalLambdaContext context = new LocalLambdaContext(request.requestId(), function, logStreamName, deadline, log);
            HandlerOutcome outcome = method.call(instance, request.payload(), context);
            if (instance != null && !abandoned.get()) {
                warmInstances.push(instance); // a timed-out instance is dropped, as Lambda drops the sandbox
            }
            return outcome;
        } catch (HandlerNotCallableException e) {
            return new HandlerOutcome.NotCallable(e.getMessage() + " (function '" + function.name() + "', handler '"
                    + target.handler() + "', classpath " + target.classpath() + ")");
        } catch (InvocationTargetException e) {
            return new HandlerOutcome.Threw(LambdaErrorJson.of(e.getCause())); // the handler's constructor threw
        } catch (ExceptionInInitializerError e) {
            return new HandlerOutcome.Threw(LambdaErrorJson.of(e.getCause() != null ? e.getCause() : e));
        } catch (RuntimeException | LinkageError e) {
            return new HandlerOutcome.Threw(LambdaErrorJson.of(e));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private HandlerMethod handler() throws HandlerNotCallableException {
        synchronized (resolveLock) {
            if (handler == null) {
                for (Path entry : target.classpath()) {
                    if (!Files.exists(entry)) {
                        throw new HandlerNotCallableException("Classpath entry " + entry + " does not exist");
                    }
                }
                handler = HandlerMethod.resolve(target.handler(), loader, json);
            }
            return handler;
        }
    }

    private Object warmOrNewInstance(HandlerMethod method) throws HandlerNotCallableException, InvocationTargetException {
        Object warm = warmInstances.poll();
        return warm != null ? warm : method.newInstance();
    }

    private InvocationResult toResult(HandlerOutcome outcome, InvocationLog log, long start) {
        if (outcome instanceof HandlerOutcome.Returned returned) {
            Duration duration = since(start);
            return new InvocationResult.Success(returned.payload(), "$LATEST", log.finish(duration), duration);
        }
        if (outcome instanceof HandlerOutcome.Threw threw) {
            // Lambda's Java runtime also writes the error to the function's log.
            log.line(new String(threw.errorPayload(), StandardCharsets.UTF_8));
            Duration duration = since(start);
            return new InvocationResult.FunctionError("Unhandled", threw.errorPayload(), log.finish(duration), duration);
        }
        return notCallable(((HandlerOutcome.NotCallable) outcome).message(), log, start);
    }

    private InvocationResult notCallable(String message, InvocationLog log, long start) {
        LOG.warn("{}", message);
        Duration duration = since(start);
        return new InvocationResult.InvokeFailed(message, log.finish(duration), duration);
    }

    /** The loader the handler's classes come from (tests check the isolation). */
    ClassLoader classLoader() {
        return loader;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Stops the handler threads (interrupting any still running) and closes the class loader. */
    @Override
    public void close() {
        threads.shutdownNow();
        warmInstances.clear();
        try {
            loader.close();
        } catch (IOException e) {
            LOG.warn("Could not close the class loader of function '{}': {}", function.name(), e.toString());
        }
    }
}
