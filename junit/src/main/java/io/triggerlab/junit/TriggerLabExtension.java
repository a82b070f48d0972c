package io.triggerlab.junit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Starts a {@link TriggerLab} per test class (or once per JVM, see {@link TriggerLabTest#perJvm()}) and hands it to
 * the tests. The lab lives in JUnit's extension store as a closeable resource, so JUnit stops the engine and deletes
 * its data directory when the class (or the JVM's run) ends, whether the tests passed or not.
 */
public final class TriggerLabExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TriggerLabExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        lab(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TriggerLab.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return lab(context);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("The TriggerLab engine did not start: " + e.getMessage(), e);
        }
    }

    private static TriggerLab lab(ExtensionContext context) {
        TriggerLabTest settings = context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, TriggerLabTest.class)).orElse(null);
        boolean secured = settings != null && settings.securedSandbox();
        boolean perJvm = settings != null && settings.perJvm();
        Duration backoff = Duration.ofMillis(settings == null ? 50 : settings.retryBackoffMillis());
        ExtensionContext owner = perJvm ? context.getRoot() : classContext(context);
        String key = (perJvm ? "jvm" : "class") + (secured ? "-secured" : "") + "-backoff" + backoff.toMillis();
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(key, k -> RunningLab.start(secured, backoff),
                RunningLab.class).lab();
    }

    /** The class's own context, so every method of the class sees the same lab. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext at = context;
        while (at.getTestMethod().isPresent() && at.getParent().isPresent()) {
            at = at.getParent().get();
        }
        return at;
    }

    /** A lab and its data directory, closed together by JUnit. */
    private record RunningLab(TriggerLab lab, Path dataDirectory) implements AutoCloseable {

        static RunningLab start(boolean secured, Duration backoff) {
            Path directory;
            try {
                directory = Files.createTempDirectory("triggerlab-test-");
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create the engine's temporary data directory", e);
            }
            try {
                return new RunningLab(TriggerLab.start(directory, secured, backoff), directory);
            } catch (RuntimeException | Error e) {
                delete(directory);
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                lab.close();
            } finally {
                delete(dataDirectory);
            }
        }

        private static void delete(Path directory) {
            try {
                Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                        Files.delete(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                // A leftover temporary directory is not worth failing a test run over; say where it is.
                org.slf4j.LoggerFactory.getLogger(TriggerLabExtension.class)
                        .warn("Could not delete the engine's data directory {}: {}", directory, e.toString());
            }
        }
    }
}
