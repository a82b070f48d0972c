package io.triggerlab.engine.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * TriggerLab's one data directory (database, sandbox broker log, later the secrets vault), held exclusively by one
 * engine process at a time. A second process gets {@link DataDirectoryInUseException} instead of a corrupted database.
 */
public final class DataDirectory implements AutoCloseable {

    public static final String HOME_ENV = "TRIGGERLAB_HOME";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** The directory to use: an explicit one wins, then {@code TRIGGERLAB_HOME}, then {@code ~/.triggerlab}. */
    public static Path resolve(Path explicit, Map<String, String> environment, String userHome) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        String env = environment.get(HOME_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        return Path.of(userHome, ".triggerlab").toAbsolutePath().normalize();
    }

    /** Creates the directory if needed and takes its lock, or fails with a message naming the directory. */
    public static DataDirectory open(Path root) {
        try {
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(root.resolve("engine.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DataDirectoryInUseException(root);
            }
            return new DataDirectory(root, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the TriggerLab data directory " + root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    public Path databaseFile() {
        return root.resolve("db").resolve("triggerlab");
    }

    public Path brokerDirectory() {
        return root.resolve("sandbox-broker");
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the lock on " + root, e);
        }
    }
}
