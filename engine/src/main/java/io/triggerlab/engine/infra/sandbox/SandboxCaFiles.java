package io.triggerlab.engine.infra.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Keeps the secured sandbox's CA in the data directory, so it survives restarts: the certificate in
 * {@value #CERTIFICATE_FILE} (public: users point truststores and {@code SERVER_ROOT_CA_CERTIFICATE} secrets at it) and
 * the key in {@value #KEY_FILE}, created with POSIX mode 600 from the start (on file systems without POSIX permissions
 * the OS defaults apply). It is a local test CA: trust it nowhere but on this machine.
 */
public final class SandboxCaFiles {

    public static final String CERTIFICATE_FILE = "sandbox-ca.pem";
    public static final String KEY_FILE = "sandbox-ca.key";

    private SandboxCaFiles() {
    }

    /** The CA stored in {@code directory}, or a new one stored there now. */
    public static SandboxCa loadOrCreate(Path directory) {
        Path certificate = directory.resolve(CERTIFICATE_FILE);
        Path key = directory.resolve(KEY_FILE);
        try {
            if (Files.exists(certificate) && Files.exists(key)) {
                return SandboxCa.fromPem(Files.readString(certificate), Files.readString(key));
            }
            SandboxCa ca = SandboxCa.generate("TriggerLab Sandbox CA");
            writeOwnerOnly(key, ca.privateKeyPem());
            Path temp = Files.createTempFile(directory, "sandbox-ca", ".tmp");
            Files.writeString(temp, ca.certificatePem());
            if (posix(directory)) {
                // A certificate is public; temp files start as 600.
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temp, certificate, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return ca;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the sandbox CA in " + directory + ": " + e.getMessage()
                    + ". Check the data directory's permissions", e);
        }
    }

    private static boolean posix(Path directory) throws IOException {
        return Files.getFileStore(directory).supportsFileAttributeView("posix");
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        FileAttribute<?>[] attributes = posix(file.getParent())
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(file.getParent(), "sandbox-ca-key", ".tmp", attributes);
        Files.write(temp, text.getBytes(StandardCharsets.US_ASCII));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
