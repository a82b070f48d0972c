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
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The .deb installs, upgrades, is removed and purged without ever failing a maintainer script, whatever desktop
 * tools the machine has (issue 22: jpackage's own scripts called xdg-desktop-menu, which exits 3 without
 * /usr/share/desktop-directories and left dpkg with a package it could neither configure nor remove). The scripts
 * run in a throwaway root ({@link DebianTestRoot}); the build machine's package database is never touched. With
 * lintian installed, the package is also checked against Debian policy.
 */
class DebianPackageIT {

    private static final String MENU_ENTRY = "usr/share/applications/triggerlab-TriggerLab.desktop";
    private static final String ICON = "usr/share/icons/hicolor/256x256/apps/triggerlab.png";
    private static final String LAUNCHER = "opt/triggerlab/bin/TriggerLab";

    private static Path deb;
    private static String version;

    @BeforeAll
    static void buildTheDeb() throws IOException, InterruptedException {
        Optional<String> whyNot = LinuxPackageBuild.whyNotBuildable("deb");
        assumeTrue(whyNot.isEmpty(), () -> "The .deb is not checked: " + whyNot.orElseThrow());
        deb = LinuxPackageBuild.packageOf("deb");
        version = dpkgField("Version");
    }

    @ParameterizedTest(name = "desktop tools {0}")
    @EnumSource(DesktopTools.class)
    void installUpgradeRemoveAndPurgeSucceed_whateverTheDesktopTools(DesktopTools tools, @TempDir Path work)
            throws IOException, InterruptedException {
        DebianTestRoot machine = DebianTestRoot.unpack(deb, work, tools);
        if (tools != DesktopTools.ABSENT) {
            // A desktop has the hicolor theme (hicolor-icon-theme, a GTK dependency), so its icon cache is refreshed.
            Files.createDirectories(machine.file("usr/share/icons/hicolor"));
            Files.writeString(machine.file("usr/share/icons/hicolor/index.theme"), "[Icon Theme]\nName=Hicolor\n");
        }

        // Install: dpkg unpacks the files (done), then configures.
        succeeds(machine.maintainerScript("preinst", "install"));
        succeeds(machine.maintainerScript("postinst", "configure", ""));
        assertThat(machine.file(MENU_ENTRY)).content()
                .contains("Exec=/" + LAUNCHER, "Icon=triggerlab", "Categories=Development;");
        assertThat(machine.file(ICON)).isNotEmptyFile();
        assertThat(machine.file(LAUNCHER)).isExecutable();
        assertThat(machine.file("usr/share/doc/triggerlab/copyright")).isNotEmptyFile();

        // Upgrade to a rebuilt package, in dpkg's order: old prerm, new preinst, (unpack), old postrm, new postinst.
        succeeds(machine.maintainerScript("prerm", "upgrade", version));
        succeeds(machine.maintainerScript("preinst", "upgrade", version));
        succeeds(machine.maintainerScript("postrm", "upgrade", version));
        succeeds(machine.maintainerScript("postinst", "configure", version));
        // When the installed version's prerm or postrm fails, as 0.1.0's did, dpkg asks the new package's instead.
        succeeds(machine.maintainerScript("prerm", "failed-upgrade", version));
        succeeds(machine.maintainerScript("postrm", "failed-upgrade", version));
        assertThat(machine.file(MENU_ENTRY)).exists();

        // Remove, then purge.
        succeeds(machine.maintainerScript("prerm", "remove"));
        machine.deletePackageFiles();
        succeeds(machine.maintainerScript("postrm", "remove"));
        succeeds(machine.maintainerScript("postrm", "purge"));
        assertThat(machine.remainingFiles()).as("files left after purge")
                .allMatch(file -> file.equals("usr/share/icons/hicolor/index.theme"));
        assertThat(machine.file("opt/triggerlab")).doesNotExist();

        String calls = machine.desktopToolCalls();
        assertThat(calls).as("the package registers its menu entry as a file, never through xdg-utils")
                .doesNotContain("xdg-desktop-menu", "xdg-icon-resource");
        if (tools != DesktopTools.ABSENT) {
            String root = machine.root().toString();
            assertThat(calls).contains(
                    "update-desktop-database -q " + root + "/usr/share/applications",
                    "gtk-update-icon-cache -q -t -f " + root + "/usr/share/icons/hicolor");
        }
    }

    @Test
    void declaresWhatTheConsoleNeedsAndListsItsFiles(@TempDir Path work) throws IOException, InterruptedException {
        assertThat(dpkgField("Depends")).contains("libgtk-3-0", "fonts-dejavu-core");
        assertThat(dpkgField("Package")).isEqualTo("triggerlab");

        CommandResult control = CommandResult.run(List.of("dpkg-deb", "-e", deb.toString(), "DEBIAN"), work, null,
                Duration.ofMinutes(1));
        succeeds(control);
        List<String> md5sums = Files.readAllLines(work.resolve("DEBIAN/md5sums"));
        assertThat(md5sums).anyMatch(line -> line.endsWith("  " + MENU_ENTRY))
                .anyMatch(line -> line.endsWith("  " + ICON))
                .anyMatch(line -> line.endsWith("  " + LAUNCHER));
    }

    @Test
    void lintianFindsNoErrors() throws IOException, InterruptedException {
        assumeTrue(LinuxPackageBuild.onPath("lintian"),
                "lintian is not installed (apt-get install lintian): the .deb is not checked against Debian policy");
        // The package built for the tests is uncompressed on purpose (seconds instead of a minute); releases are xz.
        CommandResult lintian = CommandResult.run(List.of("lintian", "--fail-on", "error", "--tag-display-limit", "0",
                        "--suppress-tags", "uses-no-compression-for-control-tarball,uses-no-compression-for-data-tarball",
                        deb.toString()),
                LinuxPackageBuild.REPOSITORY, null, Duration.ofMinutes(5));

        assertThat(lintian.output()).as(lintian.describe())
                .doesNotContainPattern("(?m)^E: ")
                .doesNotContain("unused-override", "mismatched-override");
        assertThat(lintian.exitCode()).as(lintian.describe()).isZero();
    }

    private static String dpkgField(String field) throws IOException, InterruptedException {
        CommandResult result = CommandResult.run(List.of("dpkg-deb", "-f", deb.toString(), field),
                LinuxPackageBuild.REPOSITORY, null, Duration.ofMinutes(1));
        succeeds(result);
        return result.output().strip();
    }

    private static void succeeds(CommandResult result) {
        assertThat(result.exitCode()).as(result.describe()).isZero();
    }
}
