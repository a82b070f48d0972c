package io.triggerlab.console;

import io.triggerlab.engine.infra.store.DataDirectory;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The console's command line, parsed without touching JavaFX, so {@code --version} and {@code --help} work on a
 * machine without a display. {@link Launcher} and {@link ConsoleApp} both parse the same raw arguments, which is how
 * the data directory reaches the JavaFX application without static state.
 *
 * @param command       what to do
 * @param dataDirectory the data directory the engine will use (explicit, else TRIGGERLAB_HOME, else ~/.triggerlab)
 */
public record LaunchOptions(Command command, Path dataDirectory) {

    public enum Command { RUN, VERSION, HELP, SELF_TEST }

    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar triggerlab-console.jar [--data-dir DIR] [--version] [--self-test] [--help]",
            "",
            "Opens the TriggerLab console. It starts the engine, and with it an embedded Kafka broker, in this process.",
            "The cluster it runs against (embedded sandbox, secured sandbox or existing bootstrap servers) is chosen in",
            "File > Settings > Clusters and kept in console.properties in the data directory.",
            "",
            "  --data-dir DIR  TriggerLab's data directory (default: $" + DataDirectory.HOME_ENV + ", else ~/.triggerlab)",
            "  --version       print the version and exit",
            "  --self-test     check this installation without a display: start the engine and its embedded broker in a",
            "                  temporary directory, trigger a demo function with one record, print what happened and exit",
            "                  (0 = passed); your data directory is not used",
            "  --help          print this help and exit");

    public LaunchOptions {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
    }

    /**
     * Parses the raw arguments.
     *
     * @throws IllegalArgumentException naming the offending argument and pointing at {@code --help}
     */
    public static LaunchOptions parse(List<String> args, Map<String, String> environment, String userHome) {
        Command command = Command.RUN;
        Path explicitDir = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--version")) {
                command = command == Command.HELP ? Command.HELP : Command.VERSION;
            } else if (arg.equals("--self-test")) {
                command = command == Command.RUN ? Command.SELF_TEST : command;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                command = Command.HELP;
            } else if (arg.equals("--data-dir")) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new IllegalArgumentException("Option --data-dir needs a directory, e.g. --data-dir ~/triggerlab-demo");
                }
                explicitDir = toPath(args.get(++i));
            } else if (arg.startsWith("--data-dir=")) {
                explicitDir = toPath(arg.substring("--data-dir=".length()));
            } else {
                throw new IllegalArgumentException("Unknown option '" + arg + "'. Run with --help to see the options.");
            }
        }
        return new LaunchOptions(command, DataDirectory.resolve(explicitDir, environment, userHome));
    }

    private static Path toPath(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("Option --data-dir needs a directory, but the value is empty");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("--data-dir '" + value + "' is not a valid path: " + e.getReason(), e);
        }
    }
}
