package io.triggerlab.console.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The console's choices file ({@value #FILE_NAME} in the data directory), shared by the settings that outlive a run:
 * each reads its own keys and, when it saves, keeps everyone else's. Written atomically.
 */
final class ConsoleProperties {

    static final String FILE_NAME = "console.properties";
    private static final String COMMENT = "TriggerLab console: choices made in Settings";

    private final Path file;

    ConsoleProperties(Path dataDirectory) {
        this.file = Objects.requireNonNull(dataDirectory, "dataDirectory").resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The file's keys; none when there is no file. */
    Properties read() throws IOException {
        Properties p = new Properties();
        if (exists()) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
        }
        return p;
    }

    /** Reads the file, lets {@code change} set or remove its own keys, and writes it back whole. */
    void update(Consumer<Properties> change, String what) {
        try {
            Properties p = read();
            change.accept(p);
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(FILE_NAME + ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, COMMENT);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save " + what + " to " + file + ": " + e.getMessage(), e);
        }
    }
}
