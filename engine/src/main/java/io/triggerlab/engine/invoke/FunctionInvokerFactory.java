package io.triggerlab.engine.invoke;

import io.triggerlab.engine.invoke.function.FunctionDefinition;

/** Builds the invoker for a registered function's target. */
public interface FunctionInvokerFactory {
    FunctionInvoker create(FunctionDefinition function);
}
