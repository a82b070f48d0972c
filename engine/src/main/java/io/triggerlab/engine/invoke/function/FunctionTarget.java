package io.triggerlab.engine.invoke.function;

/**
 * Where a registered function really runs. AWS has deployed functions; locally a function is one of these targets.
 */
public sealed interface FunctionTarget permits LambdaInvokeTarget, JavaHandlerTarget, CommandTarget, RuntimeTarget {

    /** A short word for the kind of target, as shown in the CLI, API and console: {@code lambda}, {@code java}, {@code command}, {@code runtime}. */
    String kind();
}
