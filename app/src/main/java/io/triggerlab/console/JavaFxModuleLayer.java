package io.triggerlab.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs the console with JavaFX as named modules, the way JavaFX supports, from the jars the console ships on its class
 * path (a plain {@code java -jar}, the installers' launchers). JavaFX loaded from the class path works, but prints
 * "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" at every start.
 * <p>
 * The platform jars ({@code javafx-graphics-21.0.11-linux.jar} …) become a module layer; the console and its other
 * libraries are loaded from the remaining class path entries by a class loader whose parent is that layer's, so they
 * see JavaFX as modules. Every JavaFX package is opened to them, as on the class path (ControlsFX reaches into
 * JavaFX's internals).
 */
final class JavaFxModuleLayer {

    /** A platform jar: name, version, classifier ({@code linux}, {@code win}, {@code mac}, {@code mac-aarch64} …). */
    private static final Pattern PLATFORM_JAR = Pattern.compile("javafx-[a-z]+-[0-9][0-9.]*(-ea\\+\\d+)?-[a-z]+"
            + "(-[a-z0-9]+)?\\.jar");

    private JavaFxModuleLayer() {
    }

    /**
     * The class loader to run the console from, or empty when JavaFX is already a named module or its platform jars
     * are not on the class path (then the console runs from the class path as before).
     */
    static Optional<ClassLoader> consoleLoader(String classPath) {
        if (ModuleLayer.boot().findModule("javafx.graphics").isPresent()) {
            return Optional.empty();
        }
        List<Path> entries = expand(classPath);
        List<Path> javafx = entries.stream().filter(p -> PLATFORM_JAR.matcher(p.getFileName().toString()).matches())
                .toList();
        if (javafx.isEmpty()) {
            return Optional.empty();
        }
        ModuleFinder finder = ModuleFinder.of(javafx.toArray(Path[]::new));
        Set<String> names = finder.findAll().stream().map(r -> r.descriptor().name()).collect(Collectors.toSet());
        Configuration configuration = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), names);
        ModuleLayer.Controller controller = ModuleLayer.defineModulesWithOneLoader(configuration,
                List.of(ModuleLayer.boot()), ClassLoader.getPlatformClassLoader());
        ModuleLayer layer = controller.layer();
        ClassLoader javafxLoader = layer.findLoader("javafx.base");
        List<URL> rest = new ArrayList<>();
        for (Path entry : entries) {
            if (!javafx.contains(entry)) {
                rest.add(url(entry));
            }
        }
        URLClassLoader console = new URLClassLoader("triggerlab-console", rest.toArray(URL[]::new), javafxLoader);
        for (ModuleReference reference : finder.findAll()) {
            Module module = layer.findModule(reference.descriptor().name()).orElseThrow();
            for (String pkg : module.getPackages()) {
                controller.addOpens(module, pkg, console.getUnnamedModule());
            }
        }
        return Optional.of(console);
    }

    /** The class path's entries, each jar followed by the entries its manifest's Class-Path names ({@code java -jar}). */
    static List<Path> expand(String classPath) {
        Set<Path> out = new LinkedHashSet<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                add(Path.of(entry).toAbsolutePath().normalize(), out);
            }
        }
        return List.copyOf(out);
    }

    private static void add(Path entry, Set<Path> out) {
        // A missing entry is skipped as the JDK skips it (a manifest may name jars that were not shipped).
        if (!Files.exists(entry) || !out.add(entry) || !entry.toString().endsWith(".jar")) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String referenced = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (referenced != null) {
                // Relative URLs by the JAR spec (lib/x.jar), absolute file: URLs in some launchers' manifest jars.
                for (String url : referenced.trim().split("\\s+")) {
                    add(Path.of(entry.toUri().resolve(url)).normalize(), out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the manifest of " + entry, e);
        }
    }

    private static URL url(Path entry) {
        try {
            return entry.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Class path entry " + entry + " is not a valid location", e);
        }
    }
}
