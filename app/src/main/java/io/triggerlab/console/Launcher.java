package io.triggerlab.console;

import io.triggerlab.engine.Version;
import io.triggerlab.engine.selftest.SelfTest;
import io.triggerlab.engine.selftest.SelfTestFailedException;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The jar's main class. It deliberately does not extend {@code Application}: the JDK's launcher refuses a JavaFX
 * main class on the classpath, and {@code --version} / {@code --help} / {@code --self-test} must work without a display
 * or toolkit.
 */
public final class Launcher {

    static final int EXIT_NO_DISPLAY = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_SELF_TEST_FAILED = 3;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final String userHome;
    private final Properties systemProperties;
    private final Consumer<String[]> consoleLauncher;
    private final Consumer<PrintStream> selfTest;

    /**
     * @param consoleLauncher opens the console and blocks until it is closed
     * @param selfTest        runs the self-test, printing to the given stream; throws when it fails
     */
    Launcher(PrintStream out, PrintStream err, Map<String, String> environment, String userHome,
             Properties systemProperties, Consumer<String[]> consoleLauncher, Consumer<PrintStream> selfTest) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.userHome = userHome;
        this.systemProperties = systemProperties;
        this.consoleLauncher = consoleLauncher;
        this.selfTest = selfTest;
    }

    public static void main(String[] args) {
        Launcher launcher = new Launcher(System.out, System.err, System.getenv(), System.getProperty("user.home"),
                System.getProperties(), Launcher::launchConsole, SelfTest::run);
        int exitCode = launcher.run(args);
        // Every command is finished here (the console returns once its window is closed): exiting explicitly keeps a
        // stray non-daemon thread from holding a packaged launcher, e.g. a CI smoke test, open.
        System.exit(exitCode);
    }

    /**
     * Opens the console with JavaFX as named modules when its platform jars are on the class path
     * ({@link JavaFxModuleLayer}), else from the class path. Blocks until the console is closed.
     */
    static void launchConsole(String[] args) {
        Optional<ClassLoader> modular;
        try {
            modular = JavaFxModuleLayer.consoleLoader(System.getProperty("java.class.path", ""));
        } catch (RuntimeException e) {
            System.err.println("JavaFX could not be loaded as modules (" + e.getMessage() + "); loading it from the "
                    + "class path instead.");
            modular = Optional.empty();
        }
        if (modular.isEmpty()) {
            ConsoleApp.launchConsole(args);
            return;
        }
        ClassLoader loader = modular.get();
        // Libraries that look up services or classes by the context loader (JDBC, SLF4J, Kafka) must find the
        // console's copies, not the class path's.
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Method launch = Class.forName("io.triggerlab.console.ConsoleApp", true, loader)
                    .getDeclaredMethod("launchConsole", String[].class);
            launch.setAccessible(true);
            launch.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failed) {
                throw failed;
            }
            if (e.getCause() instanceof Error failed) {
                throw failed;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The console's main class cannot be started from its class loader", e);
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
            case SELF_TEST:
                return selfTest();
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

    private int selfTest() {
        try {
            selfTest.accept(out);
            return 0;
        } catch (SelfTestFailedException e) {
            err.println(e.getMessage());
        } catch (RuntimeException e) {
            err.println("Self-test failed unexpectedly: " + e);
            e.printStackTrace(err);
        }
        err.println("The installation does not work as it should. Run again with --self-test to retry; if it fails "
                + "again, report the lines above.");
        return EXIT_SELF_TEST_FAILED;
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
