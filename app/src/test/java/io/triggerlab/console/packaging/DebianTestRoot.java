package io.triggerlab.console.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throwaway root directory that plays dpkg for one .deb, without touching the build machine's package database:
 * the package's files are unpacked into it ({@code dpkg-deb -x}), its maintainer scripts taken out
 * ({@code dpkg-deb -e}) and run the way dpkg runs them, with {@code DPKG_ROOT} pointing at the root and a PATH that
 * holds only a {@link DesktopTools} situation.
 */
final class DebianTestRoot {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(3);

    private final Path root;
    private final Path control;
    private final Path bin;
    private final List<Path> packageFiles;

    private DebianTestRoot(Path root, Path control, Path bin, List<Path> packageFiles) {
        this.root = root;
        this.control = control;
        this.bin = bin;
        this.packageFiles = packageFiles;
    }

    /** Unpacks {@code deb} into {@code work}/root and its control files into {@code work}/DEBIAN. */
    static DebianTestRoot unpack(Path deb, Path work, DesktopTools tools) throws IOException, InterruptedException {
        Path root = Files.createDirectories(work.resolve("root"));
        Path control = work.resolve("DEBIAN");
        for (List<String> command : List.of(
                List.of("dpkg-deb", "-x", deb.toString(), root.toString()),
                List.of("dpkg-deb", "-e", deb.toString(), control.toString()))) {
            CommandResult unpacked = CommandResult.run(command, work, null, EXTRACT_TIMEOUT);
            if (!unpacked.succeeded()) {
                throw new IllegalStateException("Unpacking the .deb failed: " + unpacked.describe());
            }
        }
        return new DebianTestRoot(root, control, tools.createPath(work.resolve("bin")), filesUnder(root));
    }

    Path root() {
        return root;
    }

    /** A path inside the root, given as the package names it ("usr/share/applications/..."). */
    Path file(String packagePath) {
        return root.resolve(packagePath);
    }

    /**
     * Runs maintainer script {@code name} with {@code arguments} as dpkg does. A script the package does not have
     * counts as success, as it does for dpkg.
     */
    CommandResult maintainerScript(String name, String... arguments) throws IOException, InterruptedException {
        Path script = control.resolve(name);
        List<String> command = new ArrayList<>(List.of("/bin/sh", script.toString()));
        command.addAll(List.of(arguments));
        if (!Files.exists(script)) {
            return new CommandResult(command, 0, "(the package has no " + name + ")");
        }
        Map<String, String> environment = Map.of(
                "PATH", bin.toString(),
                "DPKG_ROOT", root.toString(),
                "DPKG_MAINTSCRIPT_NAME", name,
                "DPKG_MAINTSCRIPT_PACKAGE", "triggerlab",
                "LC_ALL", "C");
        return CommandResult.run(command, root, environment, SCRIPT_TIMEOUT);
    }

    /** What dpkg does between prerm and postrm on removal: deletes the package's files and its emptied directories. */
    void deletePackageFiles() throws IOException {
        for (Path file : packageFiles) {
            Files.deleteIfExists(file);
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path dir : tree.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                if (!dir.equals(root) && isEmpty(dir)) {
                    Files.delete(dir);
                }
            }
        }
    }

    /** Every file (not directory) now under the root, relative to it. */
    List<String> remainingFiles() throws IOException {
        return filesUnder(root).stream().map(file -> root.relativize(file).toString()).sorted().toList();
    }

    /** The desktop tools' calls so far, one per line ("update-desktop-database -q /…/usr/share/applications"). */
    String desktopToolCalls() throws IOException {
        Path log = bin.resolveSibling(DesktopTools.CALLS_LOG);
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            return tree.filter(path -> !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)).toList();
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
