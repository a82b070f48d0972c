package io.triggerlab.engine.invoke.runtime;

import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.RuntimeTarget;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The execution environments of one version of a function's definition. An invocation takes the most recently used
 * idle environment (so one warm environment serves a sequential trigger) and a new one only when all are busy, as
 * Lambda scales out only for concurrent invocations. While debugging there is a single environment: the debugger's
 * port can be bound once.
 */
final class EnvironmentPool {

    private final FunctionDefinition definition;
    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private final List<ExecutionEnvironment> all = new ArrayList<>();
    private final Semaphore single;
    private boolean retired;

    EnvironmentPool(FunctionDefinition definition) {
        this.definition = definition;
        this.single = ((RuntimeTarget) definition.target()).debugging().enabled() ? new Semaphore(1) : null;
    }

    FunctionDefinition definition() {
        return definition;
    }

    /** An idle environment, or a new one from {@code starter}; the caller must {@link #release} it. */
    ExecutionEnvironment acquire(EnvironmentStarter starter) throws RuntimeUnavailableException, InterruptedException {
        if (single != null) {
            single.acquire();
        }
        try {
            synchronized (this) {
                while (!idle.isEmpty()) {
                    ExecutionEnvironment env = idle.pollFirst();
                    if (!env.isDead()) {
                        return env;
                    }
                    all.remove(env);
                    env.close();
                }
            }
            ExecutionEnvironment started = starter.start();
            synchronized (this) {
                all.add(started);
            }
            return started;
        } catch (RuntimeUnavailableException | RuntimeException e) {
            if (single != null) {
                single.release();
            }
            throw e;
        }
    }

    /** Returns an environment after an invocation; a dead one, or any of a retired pool, is stopped. */
    void release(ExecutionEnvironment env) {
        boolean stop;
        synchronized (this) {
            stop = retired || env.isDead();
            if (stop) {
                all.remove(env);
            } else {
                idle.addFirst(env);
            }
        }
        if (stop) {
            env.close();
        }
        if (single != null) {
            single.release();
        }
    }

    /** Stops the environments idle for longer than {@code idleNanos}. */
    void stopIdle(long idleNanos) {
        List<ExecutionEnvironment> stopping = new ArrayList<>();
        long now = System.nanoTime();
        synchronized (this) {
            idle.removeIf(env -> {
                boolean expired = env.isDead() || now - env.lastUsedNanos() > idleNanos;
                if (expired) {
                    stopping.add(env);
                    all.remove(env);
                }
                return expired;
            });
        }
        stopping.forEach(ExecutionEnvironment::close);
    }

    /** No more invocations: idle environments stop now, busy ones when their invocation ends. */
    void retire() {
        retireAndStop(false);
    }

    /** Stops every environment, busy or not (engine shutdown). */
    void stopAll() {
        retireAndStop(true);
    }

    private void retireAndStop(boolean busyToo) {
        List<ExecutionEnvironment> stopping;
        synchronized (this) {
            retired = true;
            stopping = new ArrayList<>(busyToo ? all : idle);
            all.removeAll(stopping);
            idle.clear();
        }
        stopping.forEach(ExecutionEnvironment::close);
    }

    synchronized int size() {
        return all.size();
    }

    synchronized boolean isEmpty() {
        return all.isEmpty();
    }

    /** Starts one environment for this pool's definition. */
    @FunctionalInterface
    interface EnvironmentStarter {
        ExecutionEnvironment start() throws RuntimeUnavailableException;
    }
}
