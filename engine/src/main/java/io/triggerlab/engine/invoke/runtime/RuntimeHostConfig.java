package io.triggerlab.engine.invoke.runtime;

import io.triggerlab.engine.infra.store.EngineSettings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads the runtime host's settings from the engine's stored settings: {@value #IDLE_TIMEOUT} (seconds an environment
 * may idle before it is stopped), {@value #INIT_TIMEOUT} (seconds a runtime may take to first ask for work) and
 * {@value #NODE_RIC_DIRECTORY} (where AWS's aws-lambda-ric is installed).
 */
public final class RuntimeHostConfig {

    public static final String IDLE_TIMEOUT = "runtime.idle-timeout-seconds";
    public static final String INIT_TIMEOUT = "runtime.init-timeout-seconds";
    public static final String NODE_RIC_DIRECTORY = "runtime.node-ric-directory";

    private RuntimeHostConfig() {
    }

    public static RuntimeHostSettings from(EngineSettings stored, Path workDirectory) {
        RuntimeHostSettings settings = RuntimeHostSettings.in(workDirectory);
        settings = stored.get(IDLE_TIMEOUT).map(s -> Duration.ofSeconds(Long.parseLong(s.trim())))
                .map(settings::withIdleTimeout).orElse(settings);
        settings = stored.get(INIT_TIMEOUT).map(s -> Duration.ofSeconds(Long.parseLong(s.trim())))
                .map(settings::withInitTimeout).orElse(settings);
        return stored.get(NODE_RIC_DIRECTORY).map(Path::of).map(settings::withNodeRicDirectory).orElse(settings);
    }
}
