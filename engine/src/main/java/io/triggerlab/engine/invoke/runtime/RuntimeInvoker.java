package io.triggerlab.engine.invoke.runtime;

import io.triggerlab.engine.invoke.FunctionInvoker;
import io.triggerlab.engine.invoke.InvocationRequest;
import io.triggerlab.engine.invoke.InvocationResult;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.RuntimeTarget;

import java.util.Objects;

/**
 * Invokes a runtime target through the engine's {@link RuntimeHost}. The environments belong to the host, not to
 * this invoker: closing it (a trigger disabled) leaves them warm for the next user until they idle out.
 */
public final class RuntimeInvoker implements FunctionInvoker {

    private final FunctionDefinition function;
    private final RuntimeHost host;

    public RuntimeInvoker(FunctionDefinition function, RuntimeHost host) {
        function.targetAs(RuntimeTarget.class, "the runtime invoker", "runtime");
        this.function = function;
        this.host = Objects.requireNonNull(host, "host");
    }

    @Override
    public InvocationResult invoke(InvocationRequest request) {
        return host.invoke(function, request);
    }

    @Override
    public void close() {
    }
}
