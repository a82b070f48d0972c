package io.triggerlab.console.inspector;

/** How the inspector shows record keys and values. */
public enum ValueMode {
    TEXT("UTF-8 text"), JSON("JSON (pretty)"), HEX("Hex"), BASE64("Base64 (raw)");

    private final String label;

    ValueMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
