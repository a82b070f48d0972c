package io.triggerlab.engine.controlplane.sam;

import io.triggerlab.engine.invoke.function.FunctionTarget;
import io.triggerlab.engine.invoke.function.LambdaRuntime;
import io.triggerlab.engine.invoke.function.RuntimeTarget;

import java.util.Optional;

/** Where an imported function runs. */
@FunctionalInterface
public interface FunctionTargetFactory {

    /**
     * A Lambda runtime target (Runtime, Handler, code, MemorySize, Environment); a function registered before as a
     * runtime target keeps its debugger settings.
     */
    FunctionTargetFactory RUNTIME = (function, existing) -> {
        RuntimeTarget target = new RuntimeTarget(LambdaRuntime.of(function.runtime()), function.handler(),
                function.code(), function.memorySize(), function.environment(), null);
        return existing.filter(RuntimeTarget.class::isInstance).map(RuntimeTarget.class::cast)
                .map(previous -> (FunctionTarget) target.withDebugging(previous.debugging())).orElse(target);
    };

    /**
     * @param function the function as the template defines it
     * @param existing the target of the function registered under the same name, if any
     * @throws IllegalArgumentException when the function cannot run here
     */
    FunctionTarget target(ImportedFunction function, Optional<FunctionTarget> existing);
}
