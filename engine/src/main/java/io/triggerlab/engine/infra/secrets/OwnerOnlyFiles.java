package io.triggerlab.engine.infra.secrets;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Files only their owner may read: created with POSIX 600 (directories 700) from the start, so there is no moment
 * when a key is world-readable. On file systems without POSIX permissions the OS defaults apply.
 */
final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    static byte[] readOrCreateKey(Path directory, String name, int length, SecureRandom random) {
        Path key = directory.resolve(name);
        try {
            createDirectory(directory);
            if (!Files.exists(key)) {
                byte[] bytes = new byte[length];
                random.nextBytes(bytes);
                try {
                    Files.write(Files.createFile(key, attributes(directory, FILE)), bytes);
                    return bytes;
                } catch (FileAlreadyExistsException raced) {
                    // Another process created it first: use theirs.
                }
            }
            byte[] bytes = Files.readAllBytes(key);
            if (bytes.length != length) {
                throw new SecretAccessException("The vault key file " + key + " is damaged (" + bytes.length
                        + " bytes instead of " + length + "): restore it from a backup", null);
            }
            return bytes;
        } catch (IOException e) {
            throw new SecretAccessException("Cannot read or create the vault key file " + key + ": " + e, e);
        }
    }

    static Path createTempFile(Path directory, String prefix) throws IOException {
        return Files.createTempFile(directory, prefix, ".tmp", attributes(directory, FILE));
    }

    private static void createDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, attributes(directory.getParent() == null ? directory : directory.getParent(),
                    DIRECTORY));
        }
    }

    private static FileAttribute<?>[] attributes(Path near, Set<PosixFilePermission> permissions) throws IOException {
        Path existing = near;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        boolean posix = existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }
}
