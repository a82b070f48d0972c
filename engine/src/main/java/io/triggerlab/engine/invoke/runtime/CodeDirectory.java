package io.triggerlab.engine.invoke.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A function's code as Lambda's {@code /var/task}: a directory as it is, or a {@code .zip} / {@code .jar} unpacked (once
 * per version of the file) under the work directory, as Lambda unpacks a deployment package.
 */
final class CodeDirectory {

    private CodeDirectory() {
    }

    static Path resolve(Path code, Path workDirectory, String functionName) throws RuntimeUnavailableException {
        Path absolute = code.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return absolute;
        }
        if (!Files.exists(absolute)) {
            throw new RuntimeUnavailableException(RuntimePreflight.missingCode(functionName, absolute));
        }
        String file = absolute.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!file.endsWith(".zip") && !file.endsWith(".jar")) {
            throw new RuntimeUnavailableException("The code of function '" + functionName + "' must be a directory, a .zip "
                    + "or a .jar: " + absolute + " is none of these.");
        }
        try {
            String version = Long.toHexString(Files.getLastModifiedTime(absolute).toMillis()) + "-" + Files.size(absolute);
            String key = Integer.toHexString(absolute.toString().hashCode());
            Path target = workDirectory.resolve("code").resolve(functionName + "-" + key + "-" + version);
            if (!Files.isDirectory(target)) {
                unzip(absolute, target);
            }
            return target;
        } catch (IOException e) {
            throw new RuntimeUnavailableException("Cannot unpack the code of function '" + functionName + "' from "
                    + absolute + ": " + e.getMessage());
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Path temp = Files.createDirectories(target.resolveSibling(target.getFileName() + ".part"));
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path out = temp.resolve(entry.getName()).normalize();
                if (!out.startsWith(temp)) {
                    throw new IOException("entry " + entry.getName() + " points outside the package");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // Zip entries carry no portable permission bits here; a custom runtime's bootstrap must stay runnable.
        Path bootstrap = temp.resolve("bootstrap");
        if (Files.isRegularFile(bootstrap)) {
            bootstrap.toFile().setExecutable(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
