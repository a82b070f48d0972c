package io.triggerlab.console.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Keeps the console's {@link ClusterInUse} in {@value #FILE_NAME} in the data directory, which the console reads each
 * time it starts the engine. Separate from the window layout's file: that one is a comfort, this one a choice.
 * <pre>
 * cluster.mode=external                  # sandbox (default), secured-sandbox or external
 * cluster.bootstrapServers=kafka:9092    # for external
 * </pre>
 */
public final class ClusterInUseStore {

    public static final String FILE_NAME = ConsoleProperties.FILE_NAME;
    static final String MODE = "cluster.mode";
    static final String BOOTSTRAP = "cluster.bootstrapServers";
    private static final Logger log = LoggerFactory.getLogger(ClusterInUseStore.class);

    private final ConsoleProperties properties;

    public ClusterInUseStore(Path dataDirectory) {
        this.properties = new ConsoleProperties(dataDirectory);
    }

    public Path file() {
        return properties.file();
    }

    /**
     * The saved choice; the plain sandbox when there is none. A damaged file also means the sandbox, with a warning:
     * the console must open so the person can choose again.
     */
    public ClusterInUse load() {
        return find().orElse(ClusterInUse.SANDBOX);
    }

    /** The saved choice, or empty when none was ever saved (the engine's own configuration then stands). */
    public Optional<ClusterInUse> find() {
        if (!properties.exists()) {
            return Optional.empty();
        }
        try {
            Properties p = properties.read();
            return Optional.of(new ClusterInUse(ClusterInUse.Mode.ofKey(p.getProperty(MODE, "sandbox").strip()),
                    p.getProperty(BOOTSTRAP, "")));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Cannot read the cluster in use from {}; using the embedded sandbox: {}", file(), e.getMessage());
            return Optional.of(ClusterInUse.SANDBOX);
        }
    }

    /** Writes the choice atomically, keeping any other keys in the file. */
    public void save(ClusterInUse choice) {
        properties.update(p -> {
            p.setProperty(MODE, choice.mode().key());
            if (choice.bootstrapServers().isEmpty()) {
                p.remove(BOOTSTRAP);
            } else {
                p.setProperty(BOOTSTRAP, choice.bootstrapServers());
            }
        }, "the cluster in use");
    }
}
