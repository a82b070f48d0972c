package io.triggerlab.engine.cli;

import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A running engine for CLI tests: the shared broker as its cluster, a free API port, and a function "cat". */
final class CliEngine {

    private CliEngine() {
    }

    static Engine start(String bootstrap, Path dataDir) {
        Engine engine = Engine.start(EngineConfig.defaults(dataDir).withApiPort(0).withExternalBootstrap(bootstrap));
        engine.functions().register(new FunctionDefinition("cat", new CommandTarget(List.of("cat"), null, null),
                Duration.ofSeconds(10), engine.config().region(), engine.config().accountId()));
        return engine;
    }
}
