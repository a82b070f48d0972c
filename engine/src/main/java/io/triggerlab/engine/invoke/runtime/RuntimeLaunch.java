package io.triggerlab.engine.invoke.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one runtime process.
 *
 * @param command     the program and its arguments
 * @param environment variables added to Lambda's own (the function's variables are added after, and win)
 * @param taskRoot    {@code LAMBDA_TASK_ROOT} and the working directory: the unpacked code
 * @param client      which runtime interface client runs the handler, as shown in logs and the console, e.g.
 *                    {@code aws-lambda-ric 4.0.2 (AWS)} or {@code TriggerLab's Python bootstrap}
 */
record RuntimeLaunch(List<String> command, Map<String, String> environment, Path taskRoot, String client) {

    RuntimeLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
