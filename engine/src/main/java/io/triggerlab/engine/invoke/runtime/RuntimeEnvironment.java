package io.triggerlab.engine.invoke.runtime;

import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.LambdaRuntime;
import io.triggerlab.engine.invoke.function.RuntimeDebugging;
import io.triggerlab.engine.invoke.function.RuntimeTarget;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The environment variables a runtime process starts with: Lambda's reserved ones, then the launch's own (interpreter
 * settings), then the debugger's, then the function's variables, which win as in Lambda (except the reserved ones
 * Lambda does not let a function set).
 */
final class RuntimeEnvironment {

    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private RuntimeEnvironment() {
    }

    static Map<String, String> variables(FunctionDefinition function, RuntimeTarget target, RuntimeLaunch launch,
                                         String runtimeApi, Clock clock) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(target.memorySize()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", STREAM_DATE.format(clock.instant()) + "/[$LATEST]"
                + UUID.randomUUID().toString().replace("-", ""));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_REGION", function.region());
        env.put("AWS_DEFAULT_REGION", function.region());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + target.runtime().id());
        env.put("LAMBDA_TASK_ROOT", launch.taskRoot().toString());
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.putAll(launch.environment());
        env.putAll(debuggerVariables(target));
        env.putAll(target.environment());
        // Reserved: a function cannot point its runtime elsewhere or rename its handler through Environment.
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("_HANDLER", target.handler());
        return env;
    }

    /** TriggerLab's debugging switch: the variable each language's debugger reads. */
    static Map<String, String> debuggerVariables(RuntimeTarget target) {
        RuntimeDebugging debugging = target.debugging();
        if (!debugging.enabled()) {
            return Map.of();
        }
        String address = "127.0.0.1:" + debugging.port();
        LambdaRuntime.Language language = target.runtime().language();
        return switch (language) {
            case JAVA -> Map.of("JAVA_TOOL_OPTIONS",
                    "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=" + address);
            case NODEJS -> Map.of("NODE_OPTIONS", "--inspect=" + address);
            case PYTHON, PROVIDED -> Map.of("TRIGGERLAB_DEBUG_PORT", Integer.toString(debugging.port()));
        };
    }
}
