package io.triggerlab.engine.controlplane.awscheck;

import java.util.Objects;

/**
 * One thing that would not pass, or not behave the same, on AWS.
 *
 * @param code         a stable identifier for UIs and tests, e.g. {@code MSK_SASL_PLAIN}
 * @param severity     rejected, or behaves differently
 * @param message      what is the matter, naming the setting
 * @param whatToDo     how to make it pass (or what to expect)
 * @param readingOfAws true when the verdict rests on TriggerLab's reading of AWS (docs/aws-reading.md), not on a
 *                     limit AWS documents: UIs label it so people know how sure it is
 */
public record Finding(String code, Severity severity, String message, String whatToDo, boolean readingOfAws) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(whatToDo, "whatToDo");
    }

    /** A finding that rests on AWS's documentation. */
    public Finding(String code, Severity severity, String message, String whatToDo) {
        this(code, severity, message, whatToDo, false);
    }

    /** A finding whose verdict is TriggerLab's reading of AWS (AWS documents no message for it). */
    public static Finding reading(String code, Severity severity, String message, String whatToDo) {
        return new Finding(code, severity, message, whatToDo, true);
    }
}
