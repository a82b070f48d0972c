package io.triggerlab.engine.invoke.runtime;

import io.triggerlab.engine.invoke.function.RuntimeTarget;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Python: AWS's {@code awslambdaric} where the interpreter can import it, else TriggerLab's bootstrap (standard library
 * only). The interpreter is the {@code python3} on the PATH (version managers' {@code python3.X} shims may exist without
 * working), else {@code python3.X}, else {@code python}: TriggerLab does not check its version against the runtime's.
 */
final class PythonLaunchPlanner implements LaunchPlanner {

    static final String BOOTSTRAP = "python/triggerlab_bootstrap.py";

    private final RuntimeHostSettings settings;
    /** Whether each interpreter can import awslambdaric; asked once per interpreter, it costs a process start. */
    private final Map<Path, Boolean> officialClient = new ConcurrentHashMap<>();

    PythonLaunchPlanner(RuntimeHostSettings settings) {
        this.settings = settings;
    }

    @Override
    public RuntimeLaunch plan(RuntimeTarget target, Path taskRoot) throws RuntimeUnavailableException {
        String version = RuntimePreflight.pythonVersion(target.runtime());
        Path python = Executables.firstOnPath("python3", "python" + version, "python")
                .orElseThrow(() -> new RuntimeUnavailableException(RuntimePreflight.missingPython(target.runtime())));
        Map<String, String> env = Map.of("PYTHONPATH", taskRoot.toString(), "PYTHONUNBUFFERED", "1");
        if (settings.clients() == RuntimeHostSettings.ClientChoice.OFFICIAL_WHERE_AVAILABLE
                && officialClient.computeIfAbsent(python, PythonLaunchPlanner::canImportAwsLambdaRic)) {
            return new RuntimeLaunch(List.of(python.toString(), "-m", "awslambdaric", target.handler()), env, taskRoot,
                    "awslambdaric (AWS) on " + python.getFileName());
        }
        Path bootstrap = BundledFiles.extract(settings.workDirectory().resolve("clients"), BOOTSTRAP);
        return new RuntimeLaunch(List.of(python.toString(), bootstrap.toString(), target.handler()), env, taskRoot,
                "TriggerLab's Python bootstrap on " + python.getFileName()
                        + " (AWS's awslambdaric is used instead when importable: python3 -m pip install awslambdaric)");
    }

    private static boolean canImportAwsLambdaRic(Path python) {
        try {
            Process probe = new ProcessBuilder(python.toString(), "-c", "import awslambdaric")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
