package io.triggerlab.engine.invoke;

import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.FunctionTarget;
import io.triggerlab.engine.invoke.function.JavaHandlerTarget;
import io.triggerlab.engine.invoke.function.LambdaInvokeTarget;
import io.triggerlab.engine.invoke.function.RuntimeTarget;

import java.time.Clock;
import java.util.Objects;

/**
 * Picks the invoker for a function's target: the Invoke API, a Java handler in this JVM, a command, or a Lambda runtime
 * (handed to the engine's runtime host, {@code invoke.runtime.RuntimeHost}, which keeps the execution environments).
 */
public final class DefaultFunctionInvokerFactory implements FunctionInvokerFactory {

    private final Clock clock;
    private final FunctionInvokerFactory runtimes;

    /** A factory without a runtime host: runtime targets are refused (tests and tools that run no Lambda runtime). */
    public DefaultFunctionInvokerFactory() {
        this(Clock.systemUTC(), function -> {
            throw new IllegalStateException("Function '" + function.name() + "' runs in a Lambda runtime, and this "
                    + "invoker factory has no runtime host");
        });
    }

    /** @param runtimes builds the invokers of runtime targets (the engine's runtime host, which the caller closes) */
    public DefaultFunctionInvokerFactory(Clock clock, FunctionInvokerFactory runtimes) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runtimes = Objects.requireNonNull(runtimes, "runtimes");
    }

    /**
     * One case per permitted {@link FunctionTarget}. Java 17 has no pattern matching for {@code switch}, so the
     * compiler cannot check this is exhaustive; {@code DefaultFunctionInvokerFactoryTest} does, against
     * {@code FunctionTarget.class.getPermittedSubclasses()}.
     */
    @Override
    public FunctionInvoker create(FunctionDefinition function) {
        FunctionTarget target = function.target();
        if (target instanceof LambdaInvokeTarget) {
            return new LambdaApiInvoker(function);
        }
        if (target instanceof JavaHandlerTarget) {
            return new JavaHandlerInvoker(function, clock);
        }
        if (target instanceof CommandTarget) {
            return new CommandInvoker(function, clock);
        }
        if (target instanceof RuntimeTarget) {
            return runtimes.create(function);
        }
        throw new IllegalStateException("Function '" + function.name() + "' has a " + target.kind()
                + " target, which no invoker supports yet");
    }
}
