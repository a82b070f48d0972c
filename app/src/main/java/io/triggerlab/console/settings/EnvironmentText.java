package io.triggerlab.console.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Environment variables as one line of text in a form: {@code KEY=VALUE} pairs separated by commas or new lines. */
final class EnvironmentText {

    private EnvironmentText() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (text == null) {
            return variables;
        }
        for (String pair : text.split("[,\\n]")) {
            String trimmed = pair.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("Environment variable '" + trimmed + "' is not KEY=VALUE");
            }
            variables.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
        }
        return variables;
    }

    static String format(Map<String, String> variables) {
        return variables.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
