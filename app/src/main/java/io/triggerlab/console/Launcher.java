package io.triggerlab.console;

import io.triggerlab.engine.Version;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The jar's main class. It deliberately does not extend {@code Application}: the JDK's launcher refuses a JavaFX
 * main class on the classpath, and {@code --version} / {@code --help} must work without a display or toolkit.
 */
public final class Launcher {

    static final int EXIT_USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final String userHome;
    private final Consumer<String[]> consoleLauncher;

    Launcher(PrintStream out, PrintStream err, Map<String, String> environment, String userHome,
             Consumer<String[]> consoleLauncher) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.userHome = userHome;
        this.consoleLauncher = consoleLauncher;
    }

    public static void main(String[] args) {
        Launcher launcher = new Launcher(System.out, System.err, System.getenv(), System.getProperty("user.home"),
                ConsoleApp::launchConsole);
        int exitCode = launcher.run(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Handles the arguments; returns the process exit code. Blocks while the console is open. */
    int run(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(List.of(args), environment, userHome);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return EXIT_USAGE;
        }
        switch (options.command()) {
            case VERSION:
                out.println("TriggerLab console " + Version.current());
                return 0;
            case HELP:
                out.println(LaunchOptions.USAGE);
                return 0;
            default:
                consoleLauncher.accept(args);
                return 0;
        }
    }
}
