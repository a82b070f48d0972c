package io.triggerlab.engine.invoke;

import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.FunctionTarget;
import io.triggerlab.engine.invoke.function.JavaHandlerTarget;
import io.triggerlab.engine.invoke.function.LambdaInvokeTarget;

import java.time.Clock;
import java.util.Objects;

/** Picks the invoker for a function's target: the Invoke API, a Java handler in this JVM, or a command. */
public final class DefaultFunctionInvokerFactory implements FunctionInvokerFactory {

    private final Clock clock;

    public DefaultFunctionInvokerFactory() {
        this(Clock.systemUTC());
    }

    public DefaultFunctionInvokerFactory(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
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
        throw new IllegalStateException("Function '" + function.name() + "' has a " + target.kind()
                + " target, which no invoker supports yet");
    }
}
