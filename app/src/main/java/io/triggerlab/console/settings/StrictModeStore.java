package io.triggerlab.console.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Keeps Settings › AWS compatibility's strict mode ({@code aws.strict=true}) in the console's choices file, which the
 * console reads each time it starts the engine; absent means off, as {@code serve} without {@code --strict-aws}.
 */
public final class StrictModeStore {

    static final String KEY = "aws.strict";
    private static final Logger log = LoggerFactory.getLogger(StrictModeStore.class);

    private final ConsoleProperties properties;

    public StrictModeStore(Path dataDirectory) {
        this.properties = new ConsoleProperties(dataDirectory);
    }

    /** The saved choice; off when none was saved or the file cannot be read (with a warning). */
    public boolean load() {
        try {
            return Boolean.parseBoolean(properties.read().getProperty(KEY, "false").strip());
        } catch (IOException e) {
            log.warn("Cannot read strict mode from {}; starting without it: {}", properties.file(), e.getMessage());
            return false;
        }
    }

    public void save(boolean strict) {
        properties.update(p -> p.setProperty(KEY, String.valueOf(strict)), "strict mode");
    }
}
