package io.triggerlab.bench;

import io.triggerlab.engine.invoke.DefaultFunctionInvokerFactory;
import io.triggerlab.engine.invoke.FunctionInvoker;
import io.triggerlab.engine.invoke.InvocationRequest;
import io.triggerlab.engine.invoke.InvocationResult;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.FunctionTarget;
import io.triggerlab.engine.invoke.function.JavaHandlerTarget;
import io.triggerlab.engine.invoke.function.LambdaRuntime;
import io.triggerlab.engine.invoke.function.RuntimeTarget;
import io.triggerlab.engine.invoke.runtime.RuntimeHost;
import io.triggerlab.engine.invoke.runtime.RuntimeHostSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Warm invoke overhead of the Runtime API path (issue 15): a no-op handler invoked again and again in one warm
 * execution environment, per client — Node.js (AWS's aws-lambda-ric when given, TriggerLab's client), Java (AWS's
 * client over its own JNI transport on Linux, and over TriggerLab's), Python (TriggerLab's bootstrap) — beside the
 * in-process Java target in the same run. Prints p50/p99 per invocation; the goal is p50 ≤ 1 ms.
 *
 * <pre>java -cp … io.triggerlab.bench.RuntimeOverheadBench [invocations] [path/to/node_modules/aws-lambda-ric]</pre>
 *
 * <p>{@code -Druntime.bench.only=Java} measures only the paths whose label contains that text;
 * {@code -Druntime.bench.javaToolOptions=…} passes {@code JAVA_TOOL_OPTIONS} to the Java functions' JVMs, e.g.
 * {@code -XX:StartFlightRecording=filename=client.jfr,settings=profile} to profile the client side.
 */
public final class RuntimeOverheadBench {

    private static final byte[] EVENT = ("{\"eventSource\":\"SelfManagedKafka\",\"records\":{\"orders-0\":[{\"topic\":"
            + "\"orders\",\"partition\":0,\"offset\":1,\"value\":\"aGVsbG8=\"}]}}").getBytes(StandardCharsets.UTF_8);

    private static final String IN_PROCESS = "In-process Java handler (java target)";
    private static final String ONLY = System.getProperty("runtime.bench.only", "");
    private static final Map<String, String> JAVA_ENV = System.getProperty("runtime.bench.javaToolOptions", "").isBlank()
            ? Map.of() : Map.of("JAVA_TOOL_OPTIONS", System.getProperty("runtime.bench.javaToolOptions"));

    private RuntimeOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        int invocations = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        // Absolute: the runtime process starts in the function's task root, where a relative path means nothing.
        Path nodeRic = args.length > 1 ? Path.of(args[1]).toAbsolutePath() : null;
        Path work = Files.createTempDirectory("triggerlab-runtime-bench");
        Path node = Files.createDirectories(work.resolve("node-code"));
        Files.writeString(node.resolve("index.mjs"), "export const handler = async () => 'ok';\n");
        Path python = Files.createDirectories(work.resolve("python-code"));
        Files.writeString(python.resolve("app.py"), "def handler(event, context):\n    return 'ok'\n");
        Path classes = Path.of(NoopHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String javaHandler = NoopHandler.class.getName() + "::handleRequest";

        System.out.printf("Warm invoke overhead, no-op handler, %d invocations after %d warm-up (%s)%n", invocations,
                invocations / 4, Machine.current().describe());
        System.out.printf("%-58s %9s %9s %9s%n", "path", "p50 ms", "p99 ms", "max ms");
        RuntimeHostSettings official = RuntimeHostSettings.in(work.resolve("official")).withNodeRicDirectory(nodeRic);
        RuntimeHostSettings ours = RuntimeHostSettings.in(work.resolve("ours"))
                .withClients(RuntimeHostSettings.ClientChoice.TRIGGERLAB_ONLY);
        measureInProcess(classes, javaHandler, invocations);
        if (nodeRic != null) {
            measure("Runtime API, Node.js, aws-lambda-ric (AWS)", official,
                    new RuntimeTarget(LambdaRuntime.NODEJS_20, "index.handler", node, Map.of()), invocations);
        }
        measure("Runtime API, Node.js, TriggerLab's client", ours,
                new RuntimeTarget(LambdaRuntime.NODEJS_20, "index.handler", node, Map.of()), invocations);
        measure("Runtime API, Java, AWS's client (JNI transport on Linux)", official,
                new RuntimeTarget(LambdaRuntime.JAVA_17, javaHandler, classes, JAVA_ENV), invocations);
        measure("Runtime API, Java, AWS's client over TriggerLab's transport", ours,
                new RuntimeTarget(LambdaRuntime.JAVA_17, javaHandler, classes, JAVA_ENV), invocations);
        measure("Runtime API, Python, TriggerLab's bootstrap", ours,
                new RuntimeTarget(LambdaRuntime.PYTHON_3_12, "app.handler", python, Map.of()), invocations);
    }

    private static void measureInProcess(Path classes, String handler, int invocations) {
        if (!IN_PROCESS.contains(ONLY)) {
            return;
        }
        FunctionDefinition fn = function(new JavaHandlerTarget(List.of(classes), handler));
        try (FunctionInvoker invoker = new DefaultFunctionInvokerFactory().create(fn)) {
            print(IN_PROCESS, run(invoker::invoke, invocations));
        }
    }

    private static void measure(String label, RuntimeHostSettings settings, RuntimeTarget target, int invocations) {
        if (!label.contains(ONLY)) {
            return;
        }
        FunctionDefinition fn = function(target);
        try (RuntimeHost host = new RuntimeHost(settings, name -> Optional.empty(), Clock.systemUTC())) {
            print(label, run(request -> host.invoke(fn, request), invocations));
        }
    }

    private static Latency run(java.util.function.Function<InvocationRequest, InvocationResult> invoke, int invocations) {
        for (int i = 0; i < invocations / 4; i++) {
            check(invoke.apply(request()));
        }
        LatencySamples samples = new LatencySamples();
        for (int i = 0; i < invocations; i++) {
            InvocationRequest request = request();
            long start = System.nanoTime();
            InvocationResult result = invoke.apply(request);
            samples.add(System.nanoTime() - start);
            check(result);
        }
        return samples.summary();
    }

    private static InvocationRequest request() {
        return new InvocationRequest(EVENT, UUID.randomUUID().toString(), Duration.ofSeconds(30));
    }

    private static void check(InvocationResult result) {
        if (!(result instanceof InvocationResult.Success)) {
            throw new IllegalStateException("The no-op handler did not succeed: " + result + "\n" + result.logs());
        }
    }

    private static FunctionDefinition function(FunctionTarget target) {
        return new FunctionDefinition("bench-noop", target, Duration.ofSeconds(30), "us-east-1", "123456789012");
    }

    private static void print(String label, Latency latency) {
        System.out.printf("%-58s %9.3f %9.3f %9.3f%n", label, latency.p50Ms(), latency.p99Ms(), latency.maxMs());
    }
}
