package io.triggerlab.console.packaging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The .rpm carries its menu entry and icon as package files and has scriptlets that only refresh the desktop caches
 * and never fail, whatever desktop tools the machine has (issue 22). Inspected with {@code rpm -qp}; the scriptlets
 * run as rpm runs them, {@code /bin/sh SCRIPT N}, with a PATH that holds only a {@link DesktopTools} situation. Needs
 * the rpm tools (Debian's {@code rpm} package provides rpmbuild); without them the class is skipped.
 */
class RpmPackageIT {

    private static final String MENU_ENTRY = "/usr/share/applications/triggerlab-TriggerLab.desktop";
    private static final String ICON = "/usr/share/icons/hicolor/256x256/apps/triggerlab.png";

    private static Path rpm;

    @BeforeAll
    static void buildTheRpm() throws IOException, InterruptedException {
        Optional<String> whyNot = LinuxPackageBuild.whyNotBuildable("rpm");
        assumeTrue(whyNot.isEmpty(), () -> "The .rpm is not checked: " + whyNot.orElseThrow());
        assumeTrue(LinuxPackageBuild.onPath("rpm"), "The .rpm is not checked: rpm is not installed (apt-get install rpm)");
        rpm = LinuxPackageBuild.packageOf("rpm");
    }

    @Test
    void itsScriptletsOnlyRefreshTheDesktopCaches() throws IOException, InterruptedException {
        String scripts = query("--scripts");

        assertThat(scripts).contains("postinstall scriptlet", "postuninstall scriptlet", "update-desktop-database")
                .doesNotContain("xdg-desktop-menu", "xdg-icon-resource", "preuninstall scriptlet", "preinstall scriptlet");
    }

    @ParameterizedTest(name = "desktop tools {0}")
    @EnumSource(DesktopTools.class)
    void installUpgradeAndEraseScriptletsSucceed_whateverTheDesktopTools(DesktopTools tools, @TempDir Path work)
            throws IOException, InterruptedException {
        Path bin = tools.createPath(work.resolve("bin"));
        Path postInstall = scriptlet("%{POSTIN}", work.resolve("postin"));
        Path postUninstall = scriptlet("%{POSTUN}", work.resolve("postun"));

        // rpm passes the number of versions installed once the transaction is done: 1 install, 2 upgrade, 0 erase.
        succeeds(runScriptlet(postInstall, "1", bin, work));
        succeeds(runScriptlet(postInstall, "2", bin, work));
        succeeds(runScriptlet(postUninstall, "1", bin, work));
        succeeds(runScriptlet(postUninstall, "0", bin, work));

        Path calls = bin.resolveSibling(DesktopTools.CALLS_LOG);
        if (tools == DesktopTools.ABSENT) {
            assertThat(calls).doesNotExist();
        } else {
            assertThat(calls).content().contains("update-desktop-database -q /usr/share/applications")
                    .doesNotContain("xdg-desktop-menu");
        }
    }

    @Test
    void installsTheMenuEntryAndIconAndOwnsNoSharedDirectory() throws IOException, InterruptedException {
        List<String> files = query("--list").lines().toList();

        assertThat(files).contains(MENU_ENTRY, ICON, "/opt/triggerlab", "/opt/triggerlab/bin/TriggerLab")
                .doesNotContain("/opt", "/usr", "/usr/share", "/usr/share/applications", "/usr/share/icons/hicolor")
                .noneMatch(file -> file.matches("/opt/triggerlab/lib/[^/]+\\.desktop"));
    }

    @Test
    void requiresWhatTheConsoleNeedsByNamesFedoraAndOpenSuseShare() throws IOException, InterruptedException {
        assertThat(query("--requires").lines().map(String::strip).toList())
                .contains("libgtk-3.so.0()(64bit)", "libXtst.so.6()(64bit)", "font(dejavusans)");
    }

    private static String query(String what) throws IOException, InterruptedException {
        CommandResult result = CommandResult.run(List.of("rpm", "-qp", what, rpm.toString()),
                LinuxPackageBuild.REPOSITORY, null, Duration.ofMinutes(2));
        succeeds(result);
        return result.output();
    }

    private static Path scriptlet(String tag, Path file) throws IOException, InterruptedException {
        Files.writeString(file, query("--queryformat=" + tag));
        assertThat(file).content().as(tag).isNotEqualTo("(none)");
        return file;
    }

    private static CommandResult runScriptlet(Path script, String count, Path bin, Path work)
            throws IOException, InterruptedException {
        return CommandResult.run(List.of("/bin/sh", script.toString(), count), work,
                Map.of("PATH", bin.toString(), "LC_ALL", "C"), Duration.ofSeconds(60));
    }

    private static void succeeds(CommandResult result) {
        assertThat(result.exitCode()).as(result.describe()).isZero();
    }
}
