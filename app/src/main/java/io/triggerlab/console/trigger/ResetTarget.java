package io.triggerlab.console.trigger;

/** The choices of the "Reset offsets" dialog. */
public enum ResetTarget {
    EARLIEST("Earliest"),
    LATEST("Latest"),
    AT_TIMESTAMP("At timestamp");

    private final String label;

    ResetTarget(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
