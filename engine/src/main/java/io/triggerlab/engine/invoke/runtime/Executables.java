package io.triggerlab.engine.invoke.runtime;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Finds programs on the PATH, as a shell would (with Windows' {@code .exe}/{@code .cmd} suffixes). */
final class Executables {

    static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");

    private Executables() {
    }

    static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        String[] suffixes = WINDOWS ? new String[]{".exe", ".cmd", ".bat", ""} : new String[]{""};
        for (String dir : path.split(File.pathSeparator)) {
            for (String suffix : suffixes) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, program + suffix);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The first of {@code programs} found on the PATH. */
    static Optional<Path> firstOnPath(String... programs) {
        for (String program : programs) {
            Optional<Path> found = onPath(program);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The {@code java} of the JVM running the engine. */
    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", WINDOWS ? "java.exe" : "java");
    }
}
