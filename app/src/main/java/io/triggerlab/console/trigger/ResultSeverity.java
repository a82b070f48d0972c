package io.triggerlab.console.trigger;

/** How a {@code LastProcessingResult} is coloured: green OK, red PROBLEM, grey otherwise. */
public enum ResultSeverity {
    OK, PROBLEM, NEUTRAL;

    public static ResultSeverity of(String lastProcessingResult) {
        if ("OK".equals(lastProcessingResult)) {
            return OK;
        }
        return lastProcessingResult != null && lastProcessingResult.startsWith("PROBLEM") ? PROBLEM : NEUTRAL;
    }

    /** {@code result-ok}, {@code result-problem}, {@code result-neutral}. */
    public String styleClass() {
        return "result-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
