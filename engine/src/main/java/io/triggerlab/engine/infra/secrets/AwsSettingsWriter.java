package io.triggerlab.engine.infra.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Changes settings in {@value AwsSettingsFile#NAME} (for the console's Settings window) and leaves every other key as
 * it was, so a hand-written {@code destinations.*} line survives a change of profile. The engine reads the file once,
 * at start: a change takes effect when the engine next starts.
 */
public final class AwsSettingsWriter {

    private AwsSettingsWriter() {
    }

    /**
     * Sets the given keys (a {@code null} or blank value removes the key) and writes the file atomically.
     *
     * @throws IllegalArgumentException for a key {@link AwsSettingsFile} does not know, before anything is written
     */
    public static void update(Path file, Map<String, String> changes) {
        for (String key : changes.keySet()) {
            if (!AwsSettingsFile.KEYS.contains(key)) {
                throw new IllegalArgumentException("Unknown setting '" + key + "' for " + file + ": known settings are "
                        + new TreeSet<>(AwsSettingsFile.KEYS));
            }
        }
        Properties p = AwsSettingsFile.read(file);
        changes.forEach((key, value) -> {
            if (value == null || value.isBlank()) {
                p.remove(key);
            } else {
                p.setProperty(key, value.strip());
            }
        });
        write(file, p);
    }

    private static void write(Path file, Properties p) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "TriggerLab AWS settings (no credentials here: they stay in ~/.aws); read at engine start");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
