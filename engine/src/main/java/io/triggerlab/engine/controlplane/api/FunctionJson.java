package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.FunctionTarget;
import io.triggerlab.engine.invoke.function.JavaHandlerTarget;
import io.triggerlab.engine.invoke.function.LambdaInvokeTarget;
import io.triggerlab.engine.invoke.function.LambdaRuntime;
import io.triggerlab.engine.invoke.function.RuntimeDebugging;
import io.triggerlab.engine.invoke.function.RuntimeTarget;
import io.triggerlab.engine.invoke.runtime.RuntimePreflight;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The extension API's Function:
 * <pre>
 * {"name": "my-fn",                                   required; 1..64 of [a-zA-Z0-9-_]
 *  "timeoutSeconds": 30,                              optional; 1..900, default 3
 *  "region": "us-east-1", "accountId": "123456789012", optional; default the engine's (they make the FunctionArn)
 *  "target": {"kind": "command", "command": ["python3", "handler.py"], "workingDirectory": "/src", "environment": {"K": "V"}}
 *         or {"kind": "java", "classpath": ["/app/fn.jar"], "handler": "com.example.Handler::handleRequest"}
 *         or {"kind": "lambda", "functionName": "fn", "endpoint": "http://127.0.0.1:3001", "qualifier": null,
 *             "region": "us-east-1", "profile": null}
 *         or {"kind": "runtime", "runtime": "python3.12", "handler": "app.handler", "code": "/src",
 *             "memorySize": 128, "environment": {"K": "V"},
 *             "debugging": {"enabled": false, "port": 5005, "suspendTimeout": false}}}   memorySize, environment,
 *                                                                                       debugging optional
 * </pre>
 * Responses add {@code "functionArn"}, and for a runtime target that cannot start as it is, {@code "runtimeProblem"}
 * (what is missing and the command that installs it). Wrong JSON types are 400 {@code SerializationException}; values the function
 * model refuses are 400 {@code InvalidParameterValueException} with the model's message.
 */
record FunctionJson(ObjectMapper mapper) {

    ObjectNode write(FunctionDefinition f) {
        ObjectNode out = mapper.createObjectNode()
                .put("name", f.name())
                .put("functionArn", f.functionArn())
                .put("region", f.region())
                .put("accountId", f.accountId());
        long millis = f.timeout().toMillis();
        if (millis % 1000 == 0) {
            out.put("timeoutSeconds", millis / 1000);
        } else {
            out.put("timeoutSeconds", BigDecimal.valueOf(millis, 3));
        }
        out.set("target", target(f.target()));
        if (f.target() instanceof RuntimeTarget runtime) {
            // Saved either way, as Lambda saves a function it cannot run yet; this says what to install or fix.
            RuntimePreflight.problem(f.name(), runtime).ifPresent(problem -> out.put("runtimeProblem", problem));
        }
        return out;
    }

    /** @param nameFromPath the name in the URL for PUT (the body's name may be omitted but must match), or null */
    FunctionDefinition read(JsonFields body, String nameFromPath, String defaultRegion, String defaultAccount) {
        String name = body.string("name");
        if (nameFromPath != null && name != null && !name.equals(nameFromPath)) {
            throw ApiException.invalidParameter("The body's name '" + name + "' differs from the URL's '" + nameFromPath
                    + "': a function cannot be renamed; remove it and register it under the new name");
        }
        name = name != null ? name : nameFromPath;
        if (name == null) {
            throw ApiException.invalidParameter("name is required: give the function's name, e.g. \"name\": \"my-fn\"");
        }
        Integer timeoutSeconds = body.integer("timeoutSeconds");
        String region = body.string("region");
        String accountId = body.string("accountId");
        JsonFields target = body.object("target");
        if (target == null) {
            throw ApiException.invalidParameter("target is required: say where the function runs, e.g. "
                    + "\"target\": {\"kind\": \"command\", \"command\": [\"python3\", \"handler.py\"]}");
        }
        try {
            return new FunctionDefinition(name, target(target),
                    timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds),
                    region != null ? region : defaultRegion, accountId != null ? accountId : defaultAccount);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.invalidParameter(e.getMessage());
        }
    }

    private FunctionTarget target(JsonFields t) {
        String kind = t.string("kind");
        if (kind == null) {
            throw ApiException.invalidParameter("target.kind is required: runtime, lambda, java or command");
        }
        return switch (kind) {
            case "command" -> new CommandTarget(required(t.strings("command"), "target.command"),
                    path(t.string("workingDirectory"), "target.workingDirectory"), t.stringMap("environment"));
            case "java" -> new JavaHandlerTarget(required(t.strings("classpath"), "target.classpath").stream()
                    .map(p -> path(p, "target.classpath")).toList(), required(t.string("handler"), "target.handler"));
            case "lambda" -> new LambdaInvokeTarget(uri(t.string("endpoint")),
                    required(t.string("functionName"), "target.functionName"), t.string("qualifier"),
                    t.string("region"), t.string("profile"));
            case "runtime" -> runtimeTarget(t);
            default -> throw ApiException.invalidParameter("target.kind '" + kind
                    + "' is not valid: use runtime (a Lambda runtime: Python, Node.js, Java or a custom bootstrap), "
                    + "lambda (Lambda's Invoke API), java (a handler in this JVM) or command (any executable)");
        };
    }

    private FunctionTarget runtimeTarget(JsonFields t) {
        LambdaRuntime runtime = LambdaRuntime.of(required(t.string("runtime"), "target.runtime"));
        Integer memorySize = t.integer("memorySize");
        JsonFields debug = t.object("debugging");
        RuntimeDebugging debugging = RuntimeDebugging.OFF;
        if (debug != null) {
            Integer port = debug.integer("port");
            debugging = new RuntimeDebugging(Boolean.TRUE.equals(debug.bool("enabled")),
                    port == null ? RuntimeDebugging.OFF.port() : port, Boolean.TRUE.equals(debug.bool("suspendTimeout")));
        }
        return new RuntimeTarget(runtime, required(t.string("handler"), "target.handler"),
                required(path(t.string("code"), "target.code"), "target.code"),
                memorySize == null ? RuntimeTarget.DEFAULT_MEMORY_SIZE : memorySize, t.stringMap("environment"), debugging);
    }

    private ObjectNode target(FunctionTarget target) {
        ObjectNode out = mapper.createObjectNode().put("kind", target.kind());
        if (target instanceof CommandTarget c) {
            c.command().forEach(out.putArray("command")::add);
            out.put("workingDirectory", c.workingDirectory() == null ? null : c.workingDirectory().toString());
            ObjectNode env = out.putObject("environment");
            c.environment().forEach(env::put);
        } else if (target instanceof JavaHandlerTarget j) {
            j.classpath().forEach(p -> out.withArray("classpath").add(p.toString()));
            out.put("handler", j.handler());
        } else if (target instanceof RuntimeTarget r) {
            out.put("runtime", r.runtime().id())
                    .put("handler", r.handler())
                    .put("code", r.code().toString())
                    .put("memorySize", r.memorySize());
            ObjectNode env = out.putObject("environment");
            r.environment().forEach(env::put);
            out.putObject("debugging")
                    .put("enabled", r.debugging().enabled())
                    .put("port", r.debugging().port())
                    .put("suspendTimeout", r.debugging().suspendTimeout());
        } else if (target instanceof LambdaInvokeTarget l) {
            out.put("functionName", l.functionName())
                    .put("endpoint", l.endpoint() == null ? null : l.endpoint().toString())
                    .put("qualifier", l.qualifier())
                    .put("region", l.region())
                    .put("profile", l.profile());
        }
        return out;
    }

    private static <T> T required(T value, String member) {
        if (value == null) {
            throw ApiException.invalidParameter(member + " is required for this target kind");
        }
        return value;
    }

    private static Path path(String text, String member) {
        try {
            return text == null ? null : Path.of(text);
        } catch (InvalidPathException e) {
            throw ApiException.invalidParameter(member + " '" + text + "' is not a valid path: " + e.getReason());
        }
    }

    private static URI uri(String text) {
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new URISyntaxException(text, "the scheme must be http or https");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ApiException.invalidParameter("target.endpoint '" + text + "' is not valid (" + e.getReason()
                    + "): give the Invoke API's base URL, e.g. http://127.0.0.1:3001, or leave it out for AWS");
        }
    }
}
