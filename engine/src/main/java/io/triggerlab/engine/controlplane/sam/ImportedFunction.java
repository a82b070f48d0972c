package io.triggerlab.engine.controlplane.sam;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A function of the template, as the engine will register it.
 *
 * @param resource    the logical ID
 * @param line        the resource's line
 * @param name        the function name: {@code FunctionName}, else the logical ID
 * @param runtime     Lambda's {@code Runtime} identifier as written ({@code python3.12}…)
 * @param handler     {@code Handler}
 * @param code        {@code CodeUri} (or {@code Code}) resolved against the template's directory
 * @param timeout     {@code Timeout} (Lambda's default 3 s)
 * @param memorySize  {@code MemorySize} in MB (Lambda's default 128)
 * @param environment {@code Environment.Variables}
 */
public record ImportedFunction(String resource, int line, String name, String runtime, String handler, Path code,
                               Duration timeout, int memorySize, Map<String, String> environment) {

    public ImportedFunction {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(timeout, "timeout");
        environment = Map.copyOf(environment);
    }
}
