package io.triggerlab.engine.infra.store;

import java.nio.file.Path;

/** Another TriggerLab process already uses this data directory. */
public final class DataDirectoryInUseException extends RuntimeException {
    public DataDirectoryInUseException(Path root) {
        super("The TriggerLab data directory " + root + " is in use by another TriggerLab process. "
                + "Stop that process, or start this one with another directory (--data-dir or TRIGGERLAB_HOME).");
    }
}
