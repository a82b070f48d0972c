package io.triggerlab.engine.invoke;

/**
 * Invokes one registered function synchronously, as the event source mapping does, and reports what happened.
 * Implementations never throw for a function's own failure: every outcome is an {@link InvocationResult}.
 */
public interface FunctionInvoker extends AutoCloseable {

    InvocationResult invoke(InvocationRequest request);

    @Override
    void close();
}
