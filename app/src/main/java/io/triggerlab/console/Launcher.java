package io.triggerlab.console;

import io.triggerlab.engine.Version;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The jar's main class. It deliberately does not extend {@code Application}: the JDK's launcher refuses a JavaFX
 * main class on the classpath, and {@code --version} / {@code --help} must work without a display or toolkit.
 */
public final class Launcher {

    static final int EXIT_NO_DISPLAY = 1;
    static final int EXIT_USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final String userHome;
    private final Properties systemProperties;
    private final Consumer<String[]> consoleLauncher;

    Launcher(PrintStream out, PrintStream err, Map<String, String> environment, String userHome,
             Properties systemProperties, Consumer<String[]> consoleLauncher) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.userHome = userHome;
        this.systemProperties = systemProperties;
        this.consoleLauncher = consoleLauncher;
    }

    public static void main(String[] args) {
        Launcher launcher = new Launcher(System.out, System.err, System.getenv(), System.getProperty("user.home"),
                System.getProperties(), ConsoleApp::launchConsole);
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
                if (!displayAvailable()) {
                    err.println("The console needs a display, but DISPLAY and WAYLAND_DISPLAY are not set. "
                            + "Run it in a desktop session, or under a virtual one: xvfb-run -a java -jar triggerlab-console.jar");
                    return EXIT_NO_DISPLAY;
                }
                consoleLauncher.accept(args);
                return 0;
        }
    }

    /** Linux needs an X or Wayland display unless the headless Monocle platform was chosen (as the tests do). */
    private boolean displayAvailable() {
        boolean linux = systemProperties.getProperty("os.name", "").startsWith("Linux");
        boolean monocle = "Monocle".equals(systemProperties.getProperty("glass.platform"));
        return !linux || monocle || isSet("DISPLAY") || isSet("WAYLAND_DISPLAY");
    }

    private boolean isSet(String variable) {
        String value = environment.get(variable);
        return value != null && !value.isBlank();
    }
}
