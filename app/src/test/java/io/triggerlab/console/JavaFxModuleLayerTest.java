package io.triggerlab.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

class JavaFxModuleLayerTest {

    @TempDir
    Path dir;

    @Test
    void theClassPathIncludesWhatAJarsManifestNames_skippingJarsThatAreNotThere() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path fx = jar(lib.resolve("javafx-graphics-21.0.11-linux.jar"), null);
        Path app = jar(dir.resolve("app.jar"), "lib/javafx-graphics-21.0.11-linux.jar lib/missing.jar");

        assertThat(JavaFxModuleLayer.expand(app.toString())).containsExactly(app, fx);
    }

    @Test
    void withThePlatformJarsOnTheClassPath_javafxLoadsAsNamedModules_andTheConsoleBesideIt() throws Exception {
        ClassLoader loader = JavaFxModuleLayer.consoleLoader(System.getProperty("java.class.path")).orElseThrow();

        Class<?> platform = Class.forName("javafx.application.Platform", false, loader);
        Class<?> console = Class.forName("io.triggerlab.console.ConsoleApp", false, loader);

        assertThat(platform.getModule().isNamed()).isTrue();
        assertThat(platform.getModule().getName()).isEqualTo("javafx.graphics");
        assertThat(console.getClassLoader()).isSameAs(loader);
        assertThat(console.getModule().isNamed()).isFalse();
        assertThat(platform.getModule().isOpen("com.sun.javafx.application", console.getModule())).isTrue();
    }

    private static Path jar(Path file, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file.toAbsolutePath().normalize();
    }
}
