package io.triggerlab.engine.invoke;

import java.util.Objects;

/**
 * Base of the invokers that wrap another one (counting, fault injection): it owns the wrapped invoker, so closing the
 * wrapper closes what it wraps, and a subclass only says what it does around {@link #invoke}.
 */
public abstract class DelegatingInvoker implements FunctionInvoker {

    protected final FunctionInvoker delegate;

    protected DelegatingInvoker(FunctionInvoker delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void close() {
        delegate.close();
    }
}
