package io.triggerlab.console.inspector;

import java.util.Objects;

/**
 * A run of JSON text of one kind, {@code [start, end)} in the text.
 */
public record JsonSpan(Kind kind, int start, int end) {

    /** What a run of characters is, for colouring; each kind has the stylesheet class {@link #styleClass()}. */
    public enum Kind {
        KEY, STRING, NUMBER, LITERAL, PUNCTUATION;

        /** {@code json-key}, {@code json-string}, … */
        public String styleClass() {
            return "json-" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public JsonSpan {
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("JsonSpan [" + start + ", " + end + ") is not a range");
        }
    }

    public int length() {
        return end - start;
    }
}
