package io.triggerlab.console.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The desktop tools a machine may have when a package manager runs TriggerLab's maintainer scripts, as a PATH
 * directory for them. Each situation also has the basic commands every Debian or Fedora system has (coreutils, sed,
 * grep), so a script that reaches for anything else fails here as it would on a bare machine.
 */
enum DesktopTools {

    /** A bare machine, a server or WSL: no xdg-utils, no desktop-file-utils, no GTK. */
    ABSENT,
    /**
     * Tools that exist but fail: xdg-desktop-menu exits 3 ("No writable system menu directory found.") as it does
     * without /usr/share/desktop-directories, and the cache tools exit 1.
     */
    FAILING,
    /** A working desktop: the tools succeed and note how they were called. */
    WORKING;

    static final String CALLS_LOG = "desktop-tool-calls.log";

    private static final List<String> BASE_COMMANDS = List.of(
            "cat", "chmod", "cp", "find", "grep", "install", "ln", "mkdir", "mktemp", "mv", "readlink", "rm", "rmdir",
            "sed");
    private static final List<String> FAKED_TOOLS = List.of(
            "xdg-desktop-menu", "xdg-icon-resource", "update-desktop-database", "gtk-update-icon-cache");

    /**
     * Creates {@code bin} with the base commands and this situation's tools; tools that run append their name and
     * arguments to {@link #CALLS_LOG} next to {@code bin}. Returns {@code bin}, the only PATH entry to give scripts.
     */
    Path createPath(Path bin) throws IOException {
        Files.createDirectories(bin);
        for (String command : BASE_COMMANDS) {
            Files.createSymbolicLink(bin.resolve(command), systemCommand(command));
        }
        if (this != ABSENT) {
            Path log = bin.resolveSibling(CALLS_LOG);
            for (String tool : FAKED_TOOLS) {
                writeFake(bin.resolve(tool), log, exitCode(tool));
            }
        }
        return bin;
    }

    private int exitCode(String tool) {
        if (this == WORKING) {
            return 0;
        }
        return tool.startsWith("xdg-") ? 3 : 1;
    }

    private static void writeFake(Path tool, Path log, int exitCode) throws IOException {
        String quotedLog = "'" + log.toAbsolutePath() + "'";
        Files.writeString(tool, "#!/bin/sh\n"
                + "echo \"${0##*/} $*\" >> " + quotedLog + "\n"
                + (exitCode == 3 ? "echo 'xdg-desktop-menu: No writable system menu directory found.' >&2\n" : "")
                + "exit " + exitCode + "\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path systemCommand(String command) {
        for (String dir : List.of("/usr/bin", "/bin")) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("'" + command + "' is not in /usr/bin or /bin: is this a Linux system?");
    }
}
