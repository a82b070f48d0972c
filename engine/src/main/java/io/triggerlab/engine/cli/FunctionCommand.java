package io.triggerlab.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.EngineConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code triggerlab function add|list|remove}: the local functions registry of a running engine. */
@Command(name = "function", description = "Register, list and remove the functions your triggers invoke.",
        mixinStandardHelpOptions = true,
        subcommands = {FunctionCommand.Add.class, FunctionCommand.ListFunctions.class, FunctionCommand.Remove.class,
                FaultCommand.class})
final class FunctionCommand {

    static final String DEFAULT_ENDPOINT = "http://127.0.0.1:" + EngineConfig.DEFAULT_API_PORT;

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Registers a function. The target is one of:",
                    "  a Lambda runtime: triggerlab function add my-fn --runtime python3.12 --handler app.handler --code ./src",
                    "                    (python3.9-3.13, nodejs18.x-22.x, java17, java21, provided.al2023, provided.al2)",
                    "  a command:        triggerlab function add my-fn -- python3 handler.py",
                    "  a Java handler:   triggerlab function add my-fn --java com.example.Handler::handleRequest --classpath target/fn.jar",
                    "  the Invoke API:   triggerlab function add my-fn --invoke-url http://127.0.0.1:3001 (sam local start-lambda)"})
    static final class Add extends EngineApiCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "Function name, as in Lambda (letters, digits, - and _).")
        String name;

        @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "0..*",
                description = "The program and its arguments (after --): it reads the event on stdin, prints the response.")
        List<String> command;

        @ArgGroup(exclusive = false)
        JavaTarget java;

        @ArgGroup(exclusive = false)
        InvokeTarget invoke;

        @ArgGroup(exclusive = false)
        RuntimeOptions runtime;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3",
                description = "Function timeout (default ${DEFAULT-VALUE} s, as Lambda; Kafka triggers allow at most 840).")
        int timeoutSeconds;

        @Override
        public Integer call() {
            ObjectNode body = newBody();
            body.put("name", name);
            body.put("timeoutSeconds", timeoutSeconds);
            body.set("target", target());
            JsonNode created = api().post("/triggerlab/v1/functions", body);
            PrintWriter out = out();
            out.println("Registered " + created.path("functionArn").asText(name));
            if (created.hasNonNull("runtimeProblem")) {
                out.println("It cannot run yet: " + created.path("runtimeProblem").asText());
            }
            if (timeoutSeconds > 840) {
                out.println("Note: Kafka triggers allow a function timeout of at most 14 minutes (840 s).");
            }
            return 0;
        }

        private ObjectNode target() {
            int kinds = (command == null || command.isEmpty() ? 0 : 1) + (java == null ? 0 : 1) + (invoke == null ? 0 : 1)
                    + (runtime == null ? 0 : 1);
            if (kinds != 1) {
                throw new IllegalArgumentException("Give exactly one target: --runtime with --handler and --code, a "
                        + "command after --, --java with --classpath, or --invoke-url");
            }
            ObjectNode target = newBody();
            if (runtime != null) {
                runtime.write(target);
            } else if (java != null) {
                target.put("kind", "java");
                ArrayNode classpath = target.putArray("classpath");
                for (String entry : java.classpath.split(File.pathSeparator)) {
                    classpath.add(Path.of(entry).toAbsolutePath().toString());
                }
                target.put("handler", java.handler);
            } else if (invoke != null) {
                target.put("kind", "lambda");
                target.put("endpoint", invoke.url.toString());
                target.put("functionName", invoke.functionName == null ? name : invoke.functionName);
                target.put("region", invoke.region);
                if (invoke.profile != null) {
                    target.put("profile", invoke.profile);
                }
            } else {
                target.put("kind", "command");
                command.forEach(target.putArray("command")::add);
            }
            return target;
        }
    }

    /** A function defined as Lambda defines one, run through the engine's Runtime API. */
    static final class RuntimeOptions {
        @Option(names = "--runtime", required = true, paramLabel = "RUNTIME",
                description = "Lambda's Runtime: python3.12, nodejs20.x, java21, provided.al2023, ...")
        String runtime;

        @Option(names = "--handler", required = true, paramLabel = "HANDLER",
                description = "Lambda's Handler: app.handler, index.handler, com.example.Handler::handleRequest.")
        String handler;

        @Option(names = "--code", required = true, paramLabel = "DIR|ZIP|JAR", description = "The function's code.")
        Path code;

        @Option(names = "--env", paramLabel = "KEY=VALUE", description = "An environment variable (repeatable).")
        Map<String, String> environment = new LinkedHashMap<>();

        @Option(names = "--memory", paramLabel = "MB", defaultValue = "128",
                description = "MemorySize (default ${DEFAULT-VALUE}); Java's heap follows it, as on Lambda.")
        int memorySize;

        @Option(names = "--debug-port", paramLabel = "PORT", description = "TriggerLab extra: start the runtime with "
                + "its debugger listening on 127.0.0.1:PORT (JDWP for Java, --inspect for Node.js, debugpy for Python).")
        Integer debugPort;

        @Option(names = "--debug-suspend-timeout", description = "TriggerLab extra: with --debug-port, invocations are "
                + "not ended at the timeout while you sit at a breakpoint.")
        boolean suspendTimeout;

        void write(ObjectNode target) {
            target.put("kind", "runtime");
            target.put("runtime", runtime);
            target.put("handler", handler);
            target.put("code", code.toAbsolutePath().normalize().toString());
            target.put("memorySize", memorySize);
            ObjectNode env = target.putObject("environment");
            environment.forEach(env::put);
            if (debugPort != null) {
                target.putObject("debugging").put("enabled", true).put("port", debugPort)
                        .put("suspendTimeout", suspendTimeout);
            }
        }
    }

    static final class JavaTarget {
        @Option(names = "--java", required = true, paramLabel = "CLASS[::METHOD]", description = "The handler.")
        String handler;

        @Option(names = "--classpath", required = true, paramLabel = "PATHS",
                description = "Jars and class directories, separated by the platform's path separator.")
        String classpath;
    }

    static final class InvokeTarget {
        @Option(names = "--invoke-url", required = true, paramLabel = "URL",
                description = "A Lambda Invoke API endpoint (sam local start-lambda, the RIE, LocalStack).")
        URI url;

        @Option(names = "--invoke-name", paramLabel = "NAME", description = "The function name there (default: NAME).")
        String functionName;

        @Option(names = "--region", defaultValue = "us-east-1", description = "Region for signing (default ${DEFAULT-VALUE}).")
        String region;

        @Option(names = "--profile", description = "AWS credentials profile (default: the default chain).")
        String profile;
    }

    /** Shared {@code --endpoint} option. */
    static final class EndpointMixin {
        @Option(names = "--endpoint", paramLabel = "URL", defaultValue = DEFAULT_ENDPOINT,
                description = "The running engine's Lambda API (default: ${DEFAULT-VALUE}).")
        URI endpoint;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the registered functions.")
    static final class ListFunctions extends EngineApiCommand {
        @Override
        public Integer call() {
            JsonNode functions = api().get("/triggerlab/v1/functions").path("functions");
            PrintWriter out = out();
            if (functions.isEmpty()) {
                out.println("No functions registered. Add one with 'triggerlab function add NAME -- COMMAND'.");
            }
            for (JsonNode f : functions) {
                JsonNode target = f.path("target");
                String kind = target.path("kind").asText();
                out.printf("%-24s %-8s %4ss  %s%s%n", f.path("name").asText(), kind, f.path("timeoutSeconds").asText(),
                        f.path("functionArn").asText(), kind.equals("runtime")
                                ? "  " + target.path("runtime").asText() + " " + target.path("handler").asText() : "");
                if (f.hasNonNull("runtimeProblem")) {
                    out.println("    cannot run: " + f.path("runtimeProblem").asText());
                }
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a registered function.")
    static final class Remove extends EngineApiCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            api().delete("/triggerlab/v1/functions/" + name);
            out().println("Removed " + name);
            return 0;
        }
    }
}
