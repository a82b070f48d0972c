package io.triggerlab.engine.invoke.function;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Any executable: it reads the event JSON on stdin, writes the response on stdout and its log on stderr; a non-zero
 * exit is a function error.
 *
 * @param command          the program and its arguments
 * @param workingDirectory where to run it, or {@code null} for the engine's working directory
 * @param environment      extra environment variables
 */
public record CommandTarget(List<String> command, Path workingDirectory, Map<String, String> environment)
        implements FunctionTarget {

    public CommandTarget {
        command = List.copyOf(Objects.requireNonNull(command, "command"));
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw new IllegalArgumentException("The command target needs a program to run");
        }
        environment = Map.copyOf(environment == null ? Map.of() : environment);
    }

    @Override
    public String kind() {
        return "command";
    }
}
