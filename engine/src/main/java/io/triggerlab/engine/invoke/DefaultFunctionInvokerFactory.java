package io.triggerlab.engine.invoke;

import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.FunctionTarget;
import io.triggerlab.engine.invoke.function.JavaHandlerTarget;
import io.triggerlab.engine.invoke.function.LambdaInvokeTarget;
import io.triggerlab.engine.invoke.function.RuntimeTarget;
import io.triggerlab.engine.invoke.runtime.RuntimeHost;
import io.triggerlab.engine.invoke.runtime.RuntimeInvoker;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Picks the invoker for a function's target: the Invoke API, a Java handler in this JVM, a command, or a Lambda runtime
 * hosted by the engine's {@link RuntimeHost}.
 */
public final class DefaultFunctionInvokerFactory implements FunctionInvokerFactory {

    private final Clock clock;
    private final RuntimeHost runtimes;

    /** A factory whose runtime targets run in a host under the system's temporary directory. */
    public DefaultFunctionInvokerFactory() {
        this(Clock.systemUTC(), RuntimeHost.standalone(Path.of(System.getProperty("java.io.tmpdir"), "triggerlab-runtimes")));
    }

    /** @param runtimes the engine's execution environments (the caller owns and closes it) */
    public DefaultFunctionInvokerFactory(Clock clock, RuntimeHost runtimes) {
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
            return new RuntimeInvoker(function, runtimes);
        }
        throw new IllegalStateException("Function '" + function.name() + "' has a " + target.kind()
                + " target, which no invoker supports yet");
    }
}
