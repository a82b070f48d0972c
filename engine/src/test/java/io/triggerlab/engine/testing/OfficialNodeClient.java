package io.triggerlab.engine.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * AWS's Node.js runtime interface client, {@code aws-lambda-ric} from npm at a pinned version, installed by the tests
 * themselves into {@code target/node-ric} (the build's own step: nothing installed by hand). Installing builds its
 * native part (curl and aws-lambda-cpp) and takes minutes; it runs once per {@code target} directory. On a machine
 * without Node.js, npm, a C/C++ toolchain, or outside Linux (the native part is Linux-only), tests that need it are
 * skipped with the reason.
 */
public final class OfficialNodeClient {

    public static final String VERSION = "4.0.2";
    private static final Path PREFIX = Path.of("target", "node-ric").toAbsolutePath();
    private static final Path PACKAGE = PREFIX.resolve("node_modules").resolve("aws-lambda-ric");

    private static String problem;

    private OfficialNodeClient() {
    }

    /** The installed package directory, or empty with {@link #whyMissing()} saying why. */
    public static synchronized Optional<Path> installed() {
        if (Files.isRegularFile(PACKAGE.resolve("index.mjs")) && Files.isRegularFile(PACKAGE.resolve("rapid-client.node"))) {
            return Optional.of(PACKAGE);
        }
        if (problem != null) {
            return Optional.empty();
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            problem = "aws-lambda-ric's native part is built for Linux only";
            return Optional.empty();
        }
        Optional<String> failed = NpmInstall.install(PREFIX, List.of("aws-lambda-ric@" + VERSION), 10);
        if (failed.isPresent()) {
            problem = failed.get() + " (aws-lambda-ric compiles a native part: needs cmake, make and a C++ compiler)";
        } else if (!Files.isRegularFile(PACKAGE.resolve("rapid-client.node"))) {
            problem = "npm install aws-lambda-ric@" + VERSION + " built no native part; see "
                    + PREFIX.resolve("npm-install.log");
        }
        return problem == null ? Optional.of(PACKAGE) : Optional.empty();
    }

    public static synchronized String whyMissing() {
        return problem == null ? "" : problem;
    }
}
