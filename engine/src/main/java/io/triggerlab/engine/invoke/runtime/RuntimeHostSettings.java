package io.triggerlab.engine.invoke.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the engine hosts runtime targets.
 *
 * @param workDirectory    where unpacked code (zip/jar) and TriggerLab's own clients are written
 * @param idleTimeout      an environment idle this long is stopped (Lambda keeps them minutes, unspecified)
 * @param initTimeout      how long a runtime may take to first ask for work (Lambda's init limit is 10 s)
 * @param clients          whether AWS's runtime interface clients run where they can, or TriggerLab's own always
 * @param nodeRicDirectory a directory holding {@code node_modules/aws-lambda-ric} (or the package itself), or {@code null}
 */
public record RuntimeHostSettings(Path workDirectory, Duration idleTimeout, Duration initTimeout, ClientChoice clients,
                                  Path nodeRicDirectory) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_INIT_TIMEOUT = Duration.ofSeconds(10);

    /** Which runtime interface client runs a handler. */
    public enum ClientChoice {
        /** AWS's client where it is installed and its native part runs (Linux), TriggerLab's own elsewhere. */
        OFFICIAL_WHERE_AVAILABLE,
        /** TriggerLab's own client always (the comparison tests run both ways). */
        TRIGGERLAB_ONLY
    }

    public RuntimeHostSettings {
        Objects.requireNonNull(workDirectory, "workDirectory");
        idleTimeout = idleTimeout == null ? DEFAULT_IDLE_TIMEOUT : idleTimeout;
        initTimeout = initTimeout == null ? DEFAULT_INIT_TIMEOUT : initTimeout;
        clients = clients == null ? ClientChoice.OFFICIAL_WHERE_AVAILABLE : clients;
    }

    /** Defaults under {@code workDirectory}. */
    public static RuntimeHostSettings in(Path workDirectory) {
        return new RuntimeHostSettings(workDirectory, null, null, null, null);
    }

    public RuntimeHostSettings withIdleTimeout(Duration idle) {
        return new RuntimeHostSettings(workDirectory, idle, initTimeout, clients, nodeRicDirectory);
    }

    public RuntimeHostSettings withInitTimeout(Duration init) {
        return new RuntimeHostSettings(workDirectory, idleTimeout, init, clients, nodeRicDirectory);
    }

    public RuntimeHostSettings withClients(ClientChoice choice) {
        return new RuntimeHostSettings(workDirectory, idleTimeout, initTimeout, choice, nodeRicDirectory);
    }

    public RuntimeHostSettings withNodeRicDirectory(Path directory) {
        return new RuntimeHostSettings(workDirectory, idleTimeout, initTimeout, clients, directory);
    }
}
