package io.triggerlab.engine.cli;

import java.util.Map;
import java.util.Objects;

/**
 * What the CLI reads from the process around it, passed in so commands can be tested without touching the real
 * environment.
 *
 * @param variables environment variables, e.g. {@code TRIGGERLAB_HOME}
 * @param userHome  the user's home directory, for the default data directory {@code ~/.triggerlab}
 */
public record CliEnvironment(Map<String, String> variables, String userHome) {

    public CliEnvironment {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        Objects.requireNonNull(userHome, "userHome");
    }

    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), System.getProperty("user.home"));
    }
}
