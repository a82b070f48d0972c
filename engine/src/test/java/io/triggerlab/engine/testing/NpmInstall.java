package io.triggerlab.engine.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code npm install} of pinned packages into a directory under {@code target/}: the build's own step, nothing
 * installed by hand. Says why when it cannot (no npm, a failed install), so tests that need the packages skip with it.
 */
public final class NpmInstall {

    private NpmInstall() {
    }

    /**
     * @param prefix   where {@code node_modules} goes
     * @param packages {@code name@version} each
     * @return empty when installed, else why not
     */
    public static Optional<String> install(Path prefix, List<String> packages, int timeoutMinutes) {
        List<String> command = new ArrayList<>(List.of("npm", "install", "--prefix", prefix.toString(), "--no-save",
                "--no-audit", "--no-fund"));
        command.addAll(packages);
        Path log = prefix.resolve("npm-install.log");
        try {
            Files.createDirectories(prefix);
            Process npm = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!npm.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                return Optional.of("npm install " + packages + " took over " + timeoutMinutes + " minutes");
            }
            return npm.exitValue() == 0 ? Optional.empty()
                    : Optional.of("npm install " + packages + " failed; see " + log);
        } catch (IOException e) {
            return Optional.of("npm is not on the PATH (" + e.getMessage() + "): install Node.js to run this test");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while installing " + packages);
        }
    }
}
