package io.triggerlab.engine.infra.store;

import java.nio.file.Path;

/**
 * Run in a second JVM by {@code DataDirectoryLockIT}: tries to open the data directory given as the only argument.
 * Prints {@code OPENED} and exits 0, or prints {@code IN_USE: <message>} and exits 3.
 */
public final class DataDirectoryProbe {

    public static final int EXIT_IN_USE = 3;

    private DataDirectoryProbe() {
    }

    @SuppressWarnings("try") // the resource is held only for its lock
    public static void main(String[] args) {
        try (DataDirectory ignored = DataDirectory.open(Path.of(args[0]))) {
            System.out.println("OPENED");
        } catch (DataDirectoryInUseException e) {
            System.out.println("IN_USE: " + e.getMessage());
            System.exit(EXIT_IN_USE);
        }
    }
}
