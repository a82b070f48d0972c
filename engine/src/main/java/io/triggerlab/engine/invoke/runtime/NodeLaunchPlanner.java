package io.triggerlab.engine.invoke.runtime;

import io.triggerlab.engine.invoke.function.RuntimeTarget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Node.js: AWS's {@code aws-lambda-ric} (npm) where it is installed and its native part runs (Linux), else TriggerLab's
 * own client (plain JavaScript). Looked for in the configured directory, the function's own {@code node_modules}, then
 * TriggerLab's work directory ({@code clients/node}).
 */
final class NodeLaunchPlanner implements LaunchPlanner {

    static final String CLIENT = "node/triggerlab-ric.mjs";
    static final String RIC = "aws-lambda-ric";

    private final RuntimeHostSettings settings;

    NodeLaunchPlanner(RuntimeHostSettings settings) {
        this.settings = settings;
    }

    @Override
    public RuntimeLaunch plan(RuntimeTarget target, Path taskRoot) throws RuntimeUnavailableException {
        Path node = Executables.onPath("node")
                .orElseThrow(() -> new RuntimeUnavailableException(RuntimePreflight.missingNode(target.runtime())));
        Optional<Path> official = settings.clients() == RuntimeHostSettings.ClientChoice.OFFICIAL_WHERE_AVAILABLE
                && Executables.LINUX ? officialClient(taskRoot) : Optional.empty();
        if (official.isPresent()) {
            return new RuntimeLaunch(List.of(node.toString(), official.get().resolve("index.mjs").toString(),
                    target.handler()), Map.of(), taskRoot, "aws-lambda-ric " + version(official.get()) + " (AWS)");
        }
        Path client = BundledFiles.extract(settings.workDirectory().resolve("clients"), CLIENT);
        return new RuntimeLaunch(List.of(node.toString(), client.toString(), target.handler()), Map.of(), taskRoot,
                "TriggerLab's Node.js client" + (Executables.LINUX ? " (AWS's is used instead when installed: npm install "
                        + "--prefix " + settings.workDirectory().resolve("clients").resolve("node") + " aws-lambda-ric)"
                        : " (AWS's aws-lambda-ric runs on Linux only)"));
    }

    private Optional<Path> officialClient(Path taskRoot) {
        List<Path> candidates = new ArrayList<>();
        if (settings.nodeRicDirectory() != null) {
            candidates.add(settings.nodeRicDirectory());
            candidates.add(settings.nodeRicDirectory().resolve("node_modules").resolve(RIC));
        }
        candidates.add(taskRoot.resolve("node_modules").resolve(RIC));
        candidates.add(settings.workDirectory().resolve("clients").resolve("node").resolve("node_modules").resolve(RIC));
        return candidates.stream()
                .filter(dir -> Files.isRegularFile(dir.resolve("index.mjs")) && Files.isRegularFile(dir.resolve("package.json")))
                .findFirst();
    }

    private static String version(Path packageDir) {
        try {
            String json = Files.readString(packageDir.resolve("package.json"));
            var matcher = java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
            return matcher.find() ? matcher.group(1) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
