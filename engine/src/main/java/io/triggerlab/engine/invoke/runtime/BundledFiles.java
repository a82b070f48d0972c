package io.triggerlab.engine.invoke.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Copies files shipped inside the engine (TriggerLab's own runtime clients, AWS's Java client jars) to the work
 * directory, where a child process can use them. Written once per engine version and kept.
 */
final class BundledFiles {

    private static final String ROOT = "/io/triggerlab/engine/invoke/runtime/clients/";

    private BundledFiles() {
    }

    /** The file {@code clients/<resource>} on disk under {@code directory}, extracted when absent or different in size. */
    static Path extract(Path directory, String resource) {
        Path target = directory.resolve(resource);
        try (InputStream in = BundledFiles.class.getResourceAsStream(ROOT + resource)) {
            if (in == null) {
                throw new IllegalStateException("The engine is missing its bundled file " + ROOT + resource
                        + ": rebuild it (./mvnw -pl engine package)");
            }
            byte[] bytes = in.readAllBytes();
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                return target;
            }
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the bundled file " + resource + " to " + directory, e);
        }
    }

    /** The lines of the bundled text file {@code clients/<resource>}. */
    static java.util.List<String> lines(String resource) {
        try (InputStream in = BundledFiles.class.getResourceAsStream(ROOT + resource)) {
            if (in == null) {
                throw new IllegalStateException("The engine is missing its bundled file " + ROOT + resource);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled file " + resource, e);
        }
    }
}
