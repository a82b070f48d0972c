package io.triggerlab.engine.invoke.runtime;

import io.triggerlab.engine.invoke.runtime.javaclient.JavaRuntimeClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies {@link JavaRuntimeClient}'s class file out of the engine, as a class directory for the function's JVM. */
final class JavaClientClasses {

    private JavaClientClasses() {
    }

    static Path extract(Path directory) {
        String resource = JavaRuntimeClient.class.getName().replace('.', '/') + ".class";
        Path target = directory.resolve(resource);
        try (InputStream in = JavaRuntimeClient.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("The engine is missing " + resource);
            }
            byte[] bytes = in.readAllBytes();
            if (!Files.isRegularFile(target) || Files.size(target) != bytes.length) {
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), "client", ".part");
                Files.write(temp, bytes);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write TriggerLab's Java runtime client to " + directory, e);
        }
    }
}
