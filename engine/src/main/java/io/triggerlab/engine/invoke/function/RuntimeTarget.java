package io.triggerlab.engine.invoke.function;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A function defined the way Lambda defines one and run through Lambda's Runtime API, hosted by the engine: the user's
 * real handler file, in its language, in a process kept warm between invocations. The function's {@code Timeout} is
 * {@link FunctionDefinition#timeout()}.
 *
 * @param runtime     Lambda's {@code Runtime}
 * @param handler     Lambda's {@code Handler}: {@code app.handler}, {@code index.handler},
 *                    {@code com.example.Handler::handleRequest}; for {@code provided.*} runtimes whatever the
 *                    {@code bootstrap} makes of it (passed as {@code _HANDLER})
 * @param code        the code: a directory, or a {@code .zip} / {@code .jar} (unpacked before the runtime starts)
 * @param memorySize  Lambda's {@code MemorySize} in MB (128..10240, default 128): reported to the function and in
 *                    {@code REPORT} lines; for Java it also caps the heap as Lambda's Java runtime does
 * @param environment the function's environment variables ({@code Environment.Variables})
 * @param debugging   debugger settings, a TriggerLab extra ({@link RuntimeDebugging#OFF} when {@code null})
 */
public record RuntimeTarget(LambdaRuntime runtime, String handler, Path code, int memorySize,
                            Map<String, String> environment, RuntimeDebugging debugging) implements FunctionTarget {

    public static final int DEFAULT_MEMORY_SIZE = 128;
    public static final int MIN_MEMORY_SIZE = 128;
    public static final int MAX_MEMORY_SIZE = 10240;

    public RuntimeTarget {
        Objects.requireNonNull(runtime, "runtime");
        if (handler == null || handler.isBlank()) {
            throw new IllegalArgumentException("The runtime target needs a handler, e.g. app.handler (Python), "
                    + "index.handler (Node.js), com.example.Handler::handleRequest (Java) or bootstrap (custom runtime)");
        }
        Objects.requireNonNull(code, "code");
        memorySize = memorySize == 0 ? DEFAULT_MEMORY_SIZE : memorySize;
        if (memorySize < MIN_MEMORY_SIZE || memorySize > MAX_MEMORY_SIZE) {
            throw new IllegalArgumentException("MemorySize " + memorySize + " MB is out of range: must be "
                    + MIN_MEMORY_SIZE + ".." + MAX_MEMORY_SIZE + " MB");
        }
        environment = Map.copyOf(environment == null ? Map.of() : environment);
        debugging = debugging == null ? RuntimeDebugging.OFF : debugging;
    }

    /** A target with default memory, no debugging. */
    public RuntimeTarget(LambdaRuntime runtime, String handler, Path code, Map<String, String> environment) {
        this(runtime, handler, code, DEFAULT_MEMORY_SIZE, environment, RuntimeDebugging.OFF);
    }

    /** The same target with other debugger settings. */
    public RuntimeTarget withDebugging(RuntimeDebugging debugging) {
        return new RuntimeTarget(runtime, handler, code, memorySize, environment, debugging);
    }

    @Override
    public String kind() {
        return "runtime";
    }
}
