package io.triggerlab.console.producer;

/** Where a test record's value comes from. */
public enum ValueSource {
    TEXT("Text"), JSON("JSON"), FILE("File");

    private final String label;

    ValueSource(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
