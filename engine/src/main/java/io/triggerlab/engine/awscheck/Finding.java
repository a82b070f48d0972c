package io.triggerlab.engine.awscheck;

import java.util.Objects;

/**
 * One thing that would not pass, or not behave the same, on AWS.
 *
 * @param code     a stable identifier for UIs and tests, e.g. {@code MSK_SASL_PLAIN}
 * @param severity rejected, or behaves differently
 * @param message  what is the matter, naming the setting
 * @param whatToDo how to make it pass (or what to expect)
 */
public record Finding(String code, Severity severity, String message, String whatToDo) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(whatToDo, "whatToDo");
    }
}
