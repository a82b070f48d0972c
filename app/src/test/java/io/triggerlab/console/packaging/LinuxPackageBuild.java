package io.triggerlab.console.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Linux packages the installer tests check: built by {@code installers/package.sh --uncompressed} from the jars
 * this build just packaged (seconds, not the minute a compressed package takes), or, with
 * {@code -Dtriggerlab.test.deb=FILE} / {@code -Dtriggerlab.test.rpm=FILE}, a package built elsewhere (a release
 * candidate, or an older package to see the tests fail on it).
 */
final class LinuxPackageBuild {

    static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path OUT = REPOSITORY.resolve("app/target/installer-packages");
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(6);

    private LinuxPackageBuild() {
    }

    /**
     * Why {@code type} ("deb" or "rpm") cannot be built on this machine, or empty if it can. The build never
     * installs anything: a missing tool skips the test that needs it.
     */
    static Optional<String> whyNotBuildable(String type) {
        if (given(type).isPresent()) {
            return Optional.empty();
        }
        if (!System.getProperty("os.name").startsWith("Linux")) {
            return Optional.of("Linux packages are built on Linux");
        }
        if (!Files.isExecutable(Path.of(System.getProperty("java.home"), "bin", "jpackage"))) {
            return Optional.of("jpackage comes with a full JDK, and this is a JRE");
        }
        List<String> tools = type.equals("deb") ? List.of("dpkg-deb", "fakeroot", "objcopy") : List.of("rpmbuild", "objcopy");
        List<String> missing = tools.stream().filter(tool -> !onPath(tool)).toList();
        if (!missing.isEmpty()) {
            String apt = type.equals("deb") ? "fakeroot binutils" : "rpm binutils";
            return Optional.of("a ." + type + " needs " + String.join(", ", missing)
                    + ", not installed here (apt-get install " + apt + ")");
        }
        return Optional.empty();
    }

    /** The package of {@code type}: the one given as a system property, else one built now. */
    static Path packageOf(String type) throws IOException, InterruptedException {
        Optional<Path> given = given(type);
        if (given.isPresent()) {
            return given.get();
        }
        CommandResult build = CommandResult.run(
                List.of("bash", "installers/package.sh", "--skip-build", "--uncompressed", "--out", OUT.toString(), type),
                REPOSITORY, null, BUILD_TIMEOUT);
        if (!build.succeeded()) {
            throw new IllegalStateException("Building the ." + type + " failed: " + build.describe());
        }
        try (Stream<Path> built = Files.list(OUT.resolve(type))) {
            List<Path> packages = built.filter(file -> file.toString().endsWith("." + type)).toList();
            if (packages.size() != 1) {
                throw new IllegalStateException("Expected one ." + type + " in " + OUT.resolve(type) + ", found " + packages);
            }
            return packages.get(0);
        }
    }

    static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
    }

    private static Optional<Path> given(String type) {
        return Optional.ofNullable(System.getProperty("triggerlab.test." + type)).map(Path::of);
    }
}
