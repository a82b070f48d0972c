package io.triggerlab.engine.observe.metrics;

import io.triggerlab.engine.invoke.DelegatingInvoker;
import io.triggerlab.engine.invoke.FunctionInvoker;
import io.triggerlab.engine.invoke.InvocationRequest;
import io.triggerlab.engine.invoke.InvocationResult;

import java.util.Objects;

/** Wraps a mapping's invoker to count the invocations in flight (its {@code ConcurrentExecutions}). */
public final class CountingInvoker extends DelegatingInvoker {

    private final MappingCounters counters;

    public CountingInvoker(FunctionInvoker delegate, MappingCounters counters) {
        super(delegate);
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
}
