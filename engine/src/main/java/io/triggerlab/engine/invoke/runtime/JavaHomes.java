package io.triggerlab.engine.invoke.runtime;

import io.triggerlab.engine.invoke.function.LambdaRuntime;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JVM a Java runtime's function runs on: Lambda's {@code java17} runs Java 17 and {@code java21} Java 21, and
 * a handler compiled for 21 does not load on 17. The engine's own JVM is used when its major version is the runtime's;
 * otherwise an installed JDK or JRE of exactly that version ({@code TRIGGERLAB_JAVA<N>_HOME}, {@code JAVA_HOME_<N>_X64}
 * as CI images set, then the usual install places of Linux, macOS, Windows, SDKMAN and IntelliJ), and failing that the
 * engine's JVM if it is newer than the runtime's.
 */
final class JavaHomes {

    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private JavaHomes() {
    }

    /** The Java feature version a Java runtime runs on: {@code java21} → 21. */
    static int featureOf(LambdaRuntime runtime) {
        return Integer.parseInt(runtime.id().substring("java".length()));
    }

    /** The {@code java} program for {@code runtime}, or the reason none was found, naming the install command. */
    static Path javaFor(LambdaRuntime runtime) throws RuntimeUnavailableException {
        int feature = featureOf(runtime);
        int engine = Runtime.version().feature();
        if (engine == feature) {
            return Executables.currentJava();
        }
        Optional<Path> exact = find(feature);
        if (exact.isPresent() || engine < feature) {
            return exact.orElseThrow(() -> new RuntimeUnavailableException("Runtime " + runtime + " needs a "
                    + "Java " + feature + " JVM, and TriggerLab (running on Java " + engine + ") found none. Install "
                    + "one — sudo apt-get install openjdk-" + feature + "-jre-headless (Debian/Ubuntu), brew install "
                    + "openjdk@" + feature + " (macOS) or winget install EclipseAdoptium.Temurin." + feature + ".JRE "
                    + "(Windows) — or set TRIGGERLAB_JAVA" + feature + "_HOME to one, then restart TriggerLab."));
        }
        return Executables.currentJava(); // a newer JVM than the runtime's still loads the handler's classes
    }

    /** An installed JVM of exactly this feature version. */
    static Optional<Path> find(int feature) {
        for (Path home : candidates(feature)) {
            Path java = home.resolve("bin").resolve(Executables.WINDOWS ? "java.exe" : "java");
            if (Files.isExecutable(java) && featureOf(home).orElse(-1) == feature) {
                return Optional.of(java);
            }
        }
        return Optional.empty();
    }

    private static List<Path> candidates(int feature) {
        List<Path> homes = new ArrayList<>();
        for (String variable : List.of("TRIGGERLAB_JAVA" + feature + "_HOME", "JAVA_HOME_" + feature + "_X64",
                "JAVA_HOME_" + feature + "_AARCH64", "JAVA_HOME")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                homes.add(Path.of(value));
            }
        }
        String home = System.getProperty("user.home", "");
        for (Path parent : List.of(Path.of("/usr/lib/jvm"), Path.of("/opt/java"),
                Path.of(home, ".sdkman/candidates/java"),
                Path.of(home, ".jdks"), Path.of("/Library/Java/JavaVirtualMachines"),
                Path.of(home, "Library/Java/JavaVirtualMachines"), Path.of("C:\\Program Files\\Java"),
                Path.of("C:\\Program Files\\Eclipse Adoptium"), Path.of("C:\\Program Files\\Microsoft"))) {
            homes.addAll(children(parent));
        }
        return homes;
    }

    /** A JVM's directories; a macOS bundle's home is its {@code Contents/Home}. */
    private static List<Path> children(Path parent) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, Files::isDirectory)) {
            for (Path entry : entries) {
                Path bundle = entry.resolve("Contents/Home");
                found.add(Files.isDirectory(bundle) ? bundle : entry);
            }
        } catch (IOException e) {
            return found; // an unreadable install place holds no JVM we could start
        }
        found.sort(null);
        return found;
    }

    /** The feature version a JVM's {@code release} file states. */
    private static Optional<Integer> featureOf(Path home) {
        try {
            Matcher m = RELEASE_VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
