package io.triggerlab.console.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * Keeps the main window's {@link WindowLayout} in a small properties file in the data directory. A missing or damaged
 * file means the default layout: remembering the window is a comfort, never a reason not to start.
 */
public final class WindowLayoutStore {

    public static final String FILE_NAME = "console-window.properties";
    private static final Logger log = LoggerFactory.getLogger(WindowLayoutStore.class);

    private final Path file;

    public WindowLayoutStore(Path dataDirectory) {
        this.file = Objects.requireNonNull(dataDirectory, "dataDirectory").resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public WindowLayout load() {
        if (!Files.isRegularFile(file)) {
            return WindowLayout.DEFAULT;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            WindowLayout d = WindowLayout.DEFAULT;
            return new WindowLayout(number(p, "x", d.x()), number(p, "y", d.y()), number(p, "width", d.width()),
                    number(p, "height", d.height()), Boolean.parseBoolean(p.getProperty("maximized", "false")),
                    number(p, "sidebarDivider", d.sidebarDivider()), number(p, "inspectorDivider", d.inspectorDivider()));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Cannot read the window layout from {}; using the default layout: {}", file, e.getMessage());
            return WindowLayout.DEFAULT;
        }
    }

    /** Writes the layout (atomically, so a crash never leaves half a file). Failures are logged, not thrown. */
    public void save(WindowLayout layout) {
        Properties p = new Properties();
        p.setProperty("x", format(layout.x()));
        p.setProperty("y", format(layout.y()));
        p.setProperty("width", format(layout.width()));
        p.setProperty("height", format(layout.height()));
        p.setProperty("maximized", String.valueOf(layout.maximized()));
        p.setProperty("sidebarDivider", format(layout.sidebarDivider()));
        p.setProperty("inspectorDivider", format(layout.inspectorDivider()));
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(FILE_NAME + ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "TriggerLab console window; delete this file to reset the layout");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Cannot save the window layout to {}: {}", file, e.getMessage());
        }
    }

    private static double number(Properties p, String key, double fallback) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return Double.parseDouble(value.strip());
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
    }
}
