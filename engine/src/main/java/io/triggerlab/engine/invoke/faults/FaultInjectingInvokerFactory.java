package io.triggerlab.engine.invoke.faults;

import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.FunctionInvoker;
import io.triggerlab.engine.invoke.FunctionInvokerFactory;

import java.util.Objects;

/** Builds every function's invoker through {@code delegate} and wraps it for fault injection, whatever its target. */
public final class FaultInjectingInvokerFactory implements FunctionInvokerFactory {

    private final FunctionInvokerFactory delegate;
    private final FaultInjector faults;

    public FaultInjectingInvokerFactory(FunctionInvokerFactory delegate, FaultInjector faults) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.faults = Objects.requireNonNull(faults, "faults");
    }

    @Override
    public FunctionInvoker create(FunctionDefinition function) {
        return new FaultInjectingInvoker(function.name(), delegate.create(function), faults);
    }
}
