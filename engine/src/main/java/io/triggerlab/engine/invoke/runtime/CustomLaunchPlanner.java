package io.triggerlab.engine.invoke.runtime;

import io.triggerlab.engine.invoke.function.RuntimeTarget;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code provided.al2023} / {@code provided.al2}: the function's own {@code bootstrap} is the runtime, as on Lambda. */
final class CustomLaunchPlanner implements LaunchPlanner {

    @Override
    public RuntimeLaunch plan(RuntimeTarget target, Path taskRoot) throws RuntimeUnavailableException {
        Path bootstrap = taskRoot.resolve("bootstrap");
        Optional<String> problem = RuntimePreflight.bootstrapProblem(target, bootstrap);
        if (problem.isPresent()) {
            throw new RuntimeUnavailableException(problem.get());
        }
        return new RuntimeLaunch(List.of(bootstrap.toString()), Map.of("LAMBDA_RUNTIME_DIR", taskRoot.toString()),
                taskRoot, "the function's bootstrap (custom runtime)");
    }
}
