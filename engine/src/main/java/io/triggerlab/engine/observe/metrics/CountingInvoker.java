package io.triggerlab.engine.observe.metrics;

import io.triggerlab.engine.invoke.FunctionInvoker;
import io.triggerlab.engine.invoke.InvocationRequest;
import io.triggerlab.engine.invoke.InvocationResult;

import java.util.Objects;

/** Wraps a mapping's invoker to count the invocations in flight (its {@code ConcurrentExecutions}). */
public final class CountingInvoker implements FunctionInvoker {

    private final FunctionInvoker delegate;
    private final MappingCounters counters;

    public CountingInvoker(FunctionInvoker delegate, MappingCounters counters) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    @Override
    public InvocationResult invoke(InvocationRequest request) {
        counters.invocationStarted();
        try {
            return delegate.invoke(request);
        } finally {
            counters.invocationFinished();
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
