package io.triggerlab.engine.invoke.runtime;

import io.triggerlab.engine.invoke.function.LambdaRuntime;
import io.triggerlab.engine.invoke.function.RuntimeTarget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What would keep a runtime target from starting, checked without starting it: the code, the custom runtime's
 * bootstrap, the interpreter. The CLI, the extension API and the console show it when a function is saved; the same
 * words come back from an invocation that cannot start.
 */
public final class RuntimePreflight {

    private RuntimePreflight() {
    }

    /** The first problem, in words that name the fix, or empty when the target can start. */
    public static Optional<String> problem(String functionName, RuntimeTarget target) {
        Path code = target.code().toAbsolutePath().normalize();
        if (!Files.exists(code)) {
            return Optional.of(missingCode(functionName, code));
        }
        String file = code.getFileName() == null ? "" : code.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isDirectory(code) && !file.endsWith(".zip") && !file.endsWith(".jar")) {
            return Optional.of("The code of function '" + functionName + "' must be a directory, a .zip or a .jar: "
                    + code + " is none of these.");
        }
        LambdaRuntime runtime = target.runtime();
        return switch (runtime.language()) {
            case PYTHON -> Executables.firstOnPath("python3", "python" + pythonVersion(runtime), "python").isPresent()
                    ? Optional.empty() : Optional.of(missingPython(runtime));
            case NODEJS -> Executables.onPath("node").isPresent() ? Optional.empty() : Optional.of(missingNode(runtime));
            case JAVA -> javaProblem(runtime);
            case PROVIDED -> Files.isDirectory(code) ? bootstrapProblem(target, code.resolve("bootstrap")) : Optional.empty();
        };
    }

    private static Optional<String> javaProblem(LambdaRuntime runtime) {
        try {
            JavaHomes.javaFor(runtime);
            return Optional.empty();
        } catch (RuntimeUnavailableException e) {
            return Optional.of(e.getMessage());
        }
    }

    static String missingCode(String functionName, Path code) {
        return "The code of function '" + functionName + "' is missing: " + code
                + " does not exist. Point --code at the directory (or .zip/.jar) holding the handler.";
    }

    static String pythonVersion(LambdaRuntime runtime) {
        return runtime.id().substring("python".length());
    }

    static String missingPython(LambdaRuntime runtime) {
        String version = pythonVersion(runtime);
        return "Runtime " + runtime + " needs Python " + version + " (or any python3) on the PATH, and none was found. "
                + "Install it: sudo apt-get install python3 (Debian/Ubuntu), brew install python@" + version
                + " (macOS) or winget install Python.Python." + version + " (Windows), then restart TriggerLab.";
    }

    static String missingNode(LambdaRuntime runtime) {
        return "Runtime " + runtime + " needs Node.js (the node command) on the PATH, and none was found. Install it: "
                + "sudo apt-get install nodejs (Debian/Ubuntu), brew install node (macOS) or winget install "
                + "OpenJS.NodeJS.LTS (Windows), then restart TriggerLab.";
    }

    static Optional<String> bootstrapProblem(RuntimeTarget target, Path bootstrap) {
        if (!Files.isRegularFile(bootstrap)) {
            return Optional.of("Runtime " + target.runtime() + " runs the file 'bootstrap' at the root of the code, and "
                    + bootstrap.getParent() + " has none. Build your custom runtime (e.g. cargo lambda build, "
                    + "GOOS=linux go build -o bootstrap) into the code directory.");
        }
        if (!Files.isExecutable(bootstrap)) {
            return Optional.of("The custom runtime's bootstrap " + bootstrap + " is not executable: run chmod +x "
                    + bootstrap + " (Lambda needs the same).");
        }
        return Optional.empty();
    }
}
