package io.triggerlab.engine.invoke.runtime;

import io.triggerlab.engine.invoke.function.RuntimeTarget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code provided.al2023} / {@code provided.al2}: the function's own {@code bootstrap} is the runtime, as on Lambda. */
final class CustomLaunchPlanner implements LaunchPlanner {

    @Override
    public RuntimeLaunch plan(RuntimeTarget target, Path taskRoot) throws RuntimeUnavailableException {
        Path bootstrap = taskRoot.resolve("bootstrap");
        if (!Files.isRegularFile(bootstrap)) {
            throw new RuntimeUnavailableException("Runtime " + target.runtime() + " runs the file 'bootstrap' at the root "
                    + "of the code, and " + taskRoot + " has none. Build your custom runtime (e.g. cargo lambda build, "
                    + "GOOS=linux go build -o bootstrap) into the code directory.");
        }
        if (!Files.isExecutable(bootstrap)) {
            throw new RuntimeUnavailableException("The custom runtime's bootstrap " + bootstrap + " is not executable: "
                    + "run chmod +x " + bootstrap + " (Lambda needs the same).");
        }
        return new RuntimeLaunch(List.of(bootstrap.toString()), Map.of("LAMBDA_RUNTIME_DIR", taskRoot.toString()),
                taskRoot, "the function's bootstrap (custom runtime)");
    }
}
