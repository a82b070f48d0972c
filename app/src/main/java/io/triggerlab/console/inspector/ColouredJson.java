package io.triggerlab.console.inspector;

import java.util.List;
import java.util.Objects;

/**
 * JSON text with its colour runs for the first {@code colouredChars} characters. A {@code TextFlow}'s layout grows
 * faster than linearly with its text nodes (measured headless: 32 KB of pretty event JSON, about 6,000 runs, lays out
 * in 0.3–1.1 s; 64 KB in 1 s; 200 KB in 6.4 s; a whole 6 MB event did not finish in 10 minutes), so only a prefix is
 * coloured; the whole text is in the "Plain text" view and on the clipboard.
 */
public record ColouredJson(String text, List<JsonSpan> spans, int colouredChars) {

    /** How much of an event is coloured: 32 KB, about a hundred records of pretty JSON, laid out in well under a second. */
    public static final int COLOURED_LIMIT = 32 * 1024;

    public static final ColouredJson EMPTY = new ColouredJson("", List.of(), 0);

    public ColouredJson {
        Objects.requireNonNull(text, "text");
        spans = List.copyOf(spans);
        if (colouredChars < 0 || colouredChars > text.length()) {
            throw new IllegalArgumentException("colouredChars " + colouredChars + " is out of range: must be 0.."
                    + text.length());
        }
    }

    /** Tokenizes the first {@link #COLOURED_LIMIT} characters of {@code text}. */
    public static ColouredJson of(String text) {
        return of(text, COLOURED_LIMIT);
    }

    static ColouredJson of(String text, int limit) {
        List<JsonSpan> spans = JsonTokenizer.tokenize(text, limit);
        int coloured = spans.isEmpty() ? 0 : spans.get(spans.size() - 1).end();
        return new ColouredJson(text, spans, coloured);
    }

    /** True when part of the text is shown without colours. */
    public boolean truncated() {
        return colouredChars < text.length();
    }

    /** "Showing the first 32 KB coloured (of 3.2 MB); …", or "" when all is coloured. */
    public String note() {
        if (!truncated()) {
            return "";
        }
        return "Showing the first " + colouredChars / 1024 + " KB coloured (of " + size(text.length())
                + "); tick Plain text to see all of it. Copy copies all of it.";
    }

    private static String size(long chars) {
        return chars >= 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f MB", chars / (1024.0 * 1024))
                : chars / 1024 + " KB";
    }
}
