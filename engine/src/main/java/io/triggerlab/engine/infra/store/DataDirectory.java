package io.triggerlab.engine.infra.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * TriggerLab's one data directory (database, sandbox broker log, later the secrets vault), held exclusively by one
 * engine process at a time. A second process gets {@link DataDirectoryInUseException} instead of a corrupted database.
 */
public final class DataDirectory implements AutoCloseable {

    public static final String HOME_ENV = "TRIGGERLAB_HOME";
    static final String LOCK_FILE = "engine.lock";

    /**
     * The directories this JVM holds. Deliberately static: an OS file lock belongs to the whole process, and on Linux
     * closing <em>any</em> channel to the lock file drops it. A second open in this JVM must therefore be refused
     * before it touches the file, or its failed attempt would silently unlock the directory for other processes.
     */
    private static final Set<Path> HELD_BY_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final Path key;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DataDirectory(Path root, Path key, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.key = key;
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
        Path key = createAndResolve(root);
        if (!HELD_BY_THIS_JVM.add(key)) {
            throw new DataDirectoryInUseException(root);
        }
        try {
            return lock(root, key);
        } catch (RuntimeException e) {
            HELD_BY_THIS_JVM.remove(key);
            throw e;
        }
    }

    private static Path createAndResolve(Path root) {
        try {
            Files.createDirectories(root);
            return root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the TriggerLab data directory " + root + " (" + reason(e)
                    + "). Check that the path is writable, or choose another with --data-dir or TRIGGERLAB_HOME.", e);
        }
    }

    private static DataDirectory lock(Path root, Path key) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new DataDirectoryInUseException(root);
            }
            return new DataDirectory(root, key, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new DataDirectoryInUseException(root);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock the TriggerLab data directory " + root + " (" + reason(e) + ")", e);
        }
    }

    /** File system exceptions often carry only the path as their message; the type says more. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fse) {
            return fse.getReason() != null ? fse.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Already failing with a clearer exception; the channel is unusable either way.
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

    /** Releases the directory for other processes. A second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the lock on " + root, e);
        } finally {
            HELD_BY_THIS_JVM.remove(key);
        }
    }
}
