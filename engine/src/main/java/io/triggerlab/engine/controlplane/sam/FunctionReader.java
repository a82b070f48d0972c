package io.triggerlab.engine.controlplane.sam;

import io.triggerlab.engine.invoke.function.LambdaRuntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an {@code AWS::Serverless::Function} (Globals already merged) or an {@code AWS::Lambda::Function} into an
 * {@link ImportedFunction}: Runtime, Handler, the code path, Timeout, MemorySize, Environment. A function that cannot
 * run locally (an image, code in S3 or inline, an unknown runtime, no Handler) is reported and left out; Layers are
 * reported and the function imports without them.
 */
final class FunctionReader {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");
    private static final int DEFAULT_TIMEOUT_SECONDS = 3;
    private static final int DEFAULT_MEMORY_SIZE = 128;

    private final PropertyValues values;
    private final Path templateDirectory;

    FunctionReader(PropertyValues values, Path templateDirectory) {
        this.values = values;
        this.templateDirectory = templateDirectory;
    }

    /** An {@code AWS::Serverless::Function}; empty (with problems) when it cannot be imported. */
    Optional<ImportedFunction> serverless(String id, int line, TemplateNode.Mapping properties, List<ImportProblem> problems) {
        if (values.node(properties, "InlineCode").isPresent()) {
            return refuse(problems, id, properties.lineOf("InlineCode"), "InlineCode is not mapped: put the handler "
                    + "in a file and point CodeUri at its directory");
        }
        Optional<Path> code = serverlessCode(id, properties, problems);
        return code.flatMap(c -> common(id, line, properties, c, problems));
    }

    /** An {@code AWS::Lambda::Function}; empty (with problems) when it cannot be imported. */
    Optional<ImportedFunction> lambda(String id, int line, TemplateNode.Mapping properties, List<ImportProblem> problems) {
        Optional<TemplateNode> code = values.node(properties, "Code");
        int codeLine = properties.lineOf("Code");
        if (code.isEmpty()) {
            return refuse(problems, id, line, "Code is missing: give the directory of the handler");
        }
        if (code.get() instanceof TemplateNode.Mapping mapping) {
            String what = mapping.get("ZipFile").isPresent() ? "inline ZipFile code" : "code in S3 (S3Bucket/S3Key)";
            return refuse(problems, id, codeLine, what + " is not mapped: point Code at the local directory of the "
                    + "handler, as 'sam build' and 'aws cloudformation package' accept");
        }
        return values.text(properties, "Code").map(this::local).flatMap(c -> common(id, line, properties, c, problems));
    }

    private Optional<Path> serverlessCode(String id, TemplateNode.Mapping properties, List<ImportProblem> problems) {
        Optional<TemplateNode> node = values.node(properties, "CodeUri");
        if (node.isEmpty()) {
            return Optional.of(templateDirectory);
        }
        if (node.get() instanceof TemplateNode.Mapping) {
            return refuse(problems, id, properties.lineOf("CodeUri"), "CodeUri in S3 (Bucket/Key) is not mapped: "
                    + "point CodeUri at the local directory of the handler");
        }
        String uri = values.text(properties, "CodeUri").orElse(".");
        if (uri.startsWith("s3://")) {
            return refuse(problems, id, properties.lineOf("CodeUri"), "CodeUri " + uri + " is in S3, which is not "
                    + "mapped: point CodeUri at the local directory of the handler");
        }
        return Optional.of(local(uri));
    }

    private Optional<ImportedFunction> common(String id, int line, TemplateNode.Mapping p, Path code,
                                              List<ImportProblem> problems) {
        if (values.text(p, "PackageType").filter("Image"::equals).isPresent()) {
            return refuse(problems, id, p.lineOf("PackageType"), "PackageType Image is not mapped: TriggerLab runs "
                    + "zip functions (Runtime, Handler and code directory), not container images");
        }
        Optional<String> runtime = values.text(p, "Runtime");
        if (runtime.isEmpty()) {
            return refuse(problems, id, line, "Runtime is missing: set it on the function or in Globals.Function");
        }
        if (LambdaRuntime.find(runtime.get()).isEmpty()) {
            return refuse(problems, id, p.lineOf("Runtime"), "Runtime " + runtime.get() + " is not one TriggerLab "
                    + "runs: use one of " + LambdaRuntime.supportedIds());
        }
        boolean custom = LambdaRuntime.find(runtime.get()).orElseThrow().language() == LambdaRuntime.Language.PROVIDED;
        Optional<String> handler = values.text(p, "Handler").or(() -> custom ? Optional.of("bootstrap") : Optional.empty());
        if (handler.isEmpty()) {
            return refuse(problems, id, line, "Handler is missing: set it on the function or in Globals.Function "
                    + "(e.g. app.handler)");
        }
        String name = values.text(p, "FunctionName").orElse(id);
        if (!NAME.matcher(name).matches()) {
            return refuse(problems, id, p.lineOf("FunctionName"), "function name '" + name + "' is not valid: 1 to 64 "
                    + "letters, digits, hyphens or underscores");
        }
        int timeout = values.integer(p, "Timeout").orElse(DEFAULT_TIMEOUT_SECONDS);
        if (timeout < 1 || timeout > 900) {
            return refuse(problems, id, p.lineOf("Timeout"), "Timeout " + timeout + " is out of range: 1..900 seconds");
        }
        int memory = values.integer(p, "MemorySize").orElse(DEFAULT_MEMORY_SIZE);
        if (memory < 128 || memory > 10240) {
            return refuse(problems, id, p.lineOf("MemorySize"), "MemorySize " + memory + " is out of range: 128..10240 MB");
        }
        Map<String, String> environment = values.mapping(p, "Environment")
                .map(env -> values.textMap(env, "Variables")).orElse(Map.of());
        if (values.node(p, "Layers").filter(l -> !(l instanceof TemplateNode.Sequence seq) || !seq.items().isEmpty())
                .isPresent()) {
            problems.add(new ImportProblem(id, p.lineOf("Layers"), "Layers are not mapped: the function is imported "
                    + "without them; put what it needs from them in its code directory"));
        }
        if (!Files.exists(code)) {
            problems.add(new ImportProblem(id, p.lineOf(p.get("CodeUri").isPresent() ? "CodeUri" : "Code"), "the code "
                    + code + " does not exist: the function is imported, and its invocations fail until it does "
                    + "(run 'sam build' or fix the path)"));
        }
        return Optional.of(new ImportedFunction(id, line, name, runtime.get(), handler.get(), code,
                Duration.ofSeconds(timeout), memory, environment));
    }

    private Path local(String uri) {
        return templateDirectory.resolve(uri).normalize();
    }

    private static <T> Optional<T> refuse(List<ImportProblem> problems, String id, int line, String message) {
        problems.add(new ImportProblem(id, line, message));
        return Optional.empty();
    }
}
