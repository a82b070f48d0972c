package io.triggerlab.engine.invoke.runtime;

import io.triggerlab.engine.invoke.FunctionInvoker;
import io.triggerlab.engine.invoke.FunctionInvokerFactory;
import io.triggerlab.engine.invoke.InvocationRequest;
import io.triggerlab.engine.invoke.InvocationResult;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.LambdaRuntime;
import io.triggerlab.engine.invoke.function.RuntimeTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The engine's execution environments for runtime targets, per function, shared by every trigger and replay that
 * invokes the function (as Lambda's environments belong to the function, not to a trigger). An invocation always runs
 * the function's current definition: when it changed since the environments started, they are retired and new ones
 * start. A housekeeping thread, running only while environments exist, stops the idle ones and retires changed or
 * removed functions' environments without waiting for an invocation.
 */
public final class RuntimeHost implements FunctionInvokerFactory, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeHost.class);
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

    private final RuntimeHostSettings settings;
    private final Function<String, Optional<FunctionDefinition>> currentDefinition;
    private final Clock clock;
    private final Map<LambdaRuntime.Language, LaunchPlanner> planners;
    private final Map<String, EnvironmentPool> pools = new HashMap<>();
    private final AtomicInteger environments = new AtomicInteger();
    private ScheduledExecutorService sweeper;
    private boolean closed;

    /**
     * @param currentDefinition the registry's current definition of a function, by name (empty when removed)
     */
    public RuntimeHost(RuntimeHostSettings settings, Function<String, Optional<FunctionDefinition>> currentDefinition,
                       Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.currentDefinition = Objects.requireNonNull(currentDefinition, "currentDefinition");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.planners = Map.of(
                LambdaRuntime.Language.PYTHON, new PythonLaunchPlanner(settings),
                LambdaRuntime.Language.NODEJS, new NodeLaunchPlanner(settings),
                LambdaRuntime.Language.JAVA, new JavaLaunchPlanner(settings),
                LambdaRuntime.Language.PROVIDED, new CustomLaunchPlanner());
    }

    /** A host that runs exactly the definitions it is given (no registry to follow). */
    public static RuntimeHost standalone(Path workDirectory) {
        return new RuntimeHost(RuntimeHostSettings.in(workDirectory), name -> Optional.empty(), Clock.systemUTC());
    }

    /** An invoker for a runtime target that runs in this host's environments. */
    @Override
    public FunctionInvoker create(FunctionDefinition function) {
        return new RuntimeInvoker(function, this);
    }

    public RuntimeHostSettings settings() {
        return settings;
    }

    /** Invokes the function's current definition in one of its environments; never throws for a function's failure. */
    public InvocationResult invoke(FunctionDefinition function, InvocationRequest request) {
        FunctionDefinition current = currentDefinition.apply(function.name())
                .filter(f -> f.target() instanceof RuntimeTarget).orElse(function);
        RuntimeTarget target = (RuntimeTarget) current.target();
        EnvironmentPool pool = poolFor(current);
        if (pool == null) {
            return new InvocationResult.InvokeFailed("The engine is stopping: function '" + function.name()
                    + "' was not invoked", "", Duration.ZERO);
        }
        ExecutionEnvironment env;
        try {
            env = pool.acquire(() -> startEnvironment(current, target));
        } catch (RuntimeUnavailableException e) {
            LOG.warn("Function {} cannot run: {}", function.name(), e.getMessage());
            return new InvocationResult.InvokeFailed(e.getMessage(), e.getMessage() + "\n", Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new InvocationResult.InvokeFailed("Interrupted while waiting for an execution environment of function '"
                    + function.name() + "'", "", Duration.ZERO);
        }
        try {
            return env.invoke(request.timeout().equals(function.timeout()) ? withTimeout(request, current) : request,
                    settings.initTimeout(), target.debugging().timeoutSuspended());
        } finally {
            pool.release(env);
        }
    }

    /** The request with the function's current timeout (the trigger was started with an older definition). */
    private static InvocationRequest withTimeout(InvocationRequest request, FunctionDefinition current) {
        return request.timeout().equals(current.timeout()) ? request
                : new InvocationRequest(request.payload(), request.requestId(), current.timeout());
    }

    private ExecutionEnvironment startEnvironment(FunctionDefinition function, RuntimeTarget target)
            throws RuntimeUnavailableException {
        Path taskRoot = CodeDirectory.resolve(target.code(), settings.workDirectory(), function.name());
        RuntimeLaunch launch = planners.get(target.runtime().language()).plan(target, taskRoot);
        ExecutionEnvironment env = ExecutionEnvironment.start(function.name() + "-" + environments.incrementAndGet(),
                function, target, launch, clock, settings.workDirectory().resolve("logs"));
        startSweeper();
        return env;
    }

    private synchronized EnvironmentPool poolFor(FunctionDefinition current) {
        if (closed) {
            return null;
        }
        EnvironmentPool pool = pools.get(current.name());
        if (pool != null && !pool.definition().equals(current)) {
            LOG.info("Function {} changed: its execution environments are stopped", current.name());
            pool.retire();
            pool = null;
        }
        if (pool == null) {
            pool = new EnvironmentPool(current);
            pools.put(current.name(), pool);
        }
        return pool;
    }

    /** Stops a function's environments now (e.g. the user asked for a cold start). */
    public void stopEnvironments(String functionName) {
        EnvironmentPool pool;
        synchronized (this) {
            pool = pools.remove(functionName);
        }
        if (pool != null) {
            pool.retire();
        }
    }

    /** How many environments a function has (idle or busy). */
    public synchronized int environmentCount(String functionName) {
        EnvironmentPool pool = pools.get(functionName);
        return pool == null ? 0 : pool.size();
    }

    private synchronized void startSweeper() {
        if (sweeper == null && !closed) {
            sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "runtime-host-sweeper");
                t.setDaemon(true);
                return t;
            });
            sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_EVERY.toMillis(), SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void sweep() {
        try {
            List<EnvironmentPool> retiring = new ArrayList<>();
            List<EnvironmentPool> live;
            synchronized (this) {
                live = new ArrayList<>(pools.values());
            }
            for (EnvironmentPool pool : live) {
                Optional<FunctionDefinition> now = currentDefinition.apply(pool.definition().name());
                if (now.isPresent() && !now.get().equals(pool.definition())) {
                    retiring.add(pool);
                } else {
                    pool.stopIdle(settings.idleTimeout().toNanos());
                }
            }
            synchronized (this) {
                retiring.forEach(pool -> pools.remove(pool.definition().name(), pool));
                pools.values().removeIf(EnvironmentPool::isEmpty);
                if (pools.isEmpty() && sweeper != null) {
                    sweeper.shutdown();
                    sweeper = null;
                }
            }
            retiring.forEach(EnvironmentPool::retire);
        } catch (RuntimeException e) {
            LOG.warn("Sweeping idle execution environments failed: {}", e.toString());
        }
    }

    /** Stops every environment and the housekeeping thread. */
    @Override
    public void close() {
        List<EnvironmentPool> stopping;
        synchronized (this) {
            closed = true;
            stopping = new ArrayList<>(pools.values());
            pools.clear();
            if (sweeper != null) {
                sweeper.shutdownNow();
                sweeper = null;
            }
        }
        stopping.forEach(EnvironmentPool::stopAll);
    }
}
