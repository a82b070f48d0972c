package io.triggerlab.console.inspector;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits JSON text into coloured runs: keys, strings, numbers, literals ({@code true}, {@code false}, {@code null})
 * and the rest (brackets, colons, commas, whitespace). One pass, no parsing: text that is not JSON still comes out as
 * runs covering every character, just coloured less usefully. Adjacent runs of one kind are merged, so a coloured
 * view needs as few nodes as possible.
 */
public final class JsonTokenizer {

    private JsonTokenizer() {
    }

    /** Runs covering {@code text[0, text.length())}. */
    public static List<JsonSpan> tokenize(String text) {
        List<JsonSpan> spans = new ArrayList<>();
        scan(text, (kind, start, end) -> add(spans, kind, start, end));
        return spans;
    }

    /** Receives runs in order; they cover the text without gaps, and two in a row may have the same kind. */
    @FunctionalInterface
    interface RunSink {
        void run(JsonSpan.Kind kind, int start, int end);
    }

    /** One pass over {@code text}, handing each run to {@code sink} without building a list (megabyte events). */
    static void scan(String text, RunSink sink) {
        int end = text.length();
        int i = 0;
        while (i < end) {
            char c = text.charAt(i);
            int next;
            JsonSpan.Kind kind;
            if (c == '"') {
                next = stringEnd(text, i, end);
                kind = followedByColon(text, next, end) ? JsonSpan.Kind.KEY : JsonSpan.Kind.STRING;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                next = numberEnd(text, i, end);
                kind = JsonSpan.Kind.NUMBER;
            } else if (Character.isLetter(c)) {
                next = wordEnd(text, i, end);
                kind = isLiteral(text, i, next) ? JsonSpan.Kind.LITERAL : JsonSpan.Kind.PUNCTUATION;
            } else {
                next = i + 1;
                kind = JsonSpan.Kind.PUNCTUATION;
            }
            sink.run(kind, i, next);
            i = next;
        }
    }

    private static boolean isLiteral(String text, int start, int end) {
        int length = end - start;
        return length == 4 && (text.startsWith("true", start) || text.startsWith("null", start))
                || length == 5 && text.startsWith("false", start);
    }

    /** Just past the closing quote (or {@code end} when the string is cut off), skipping escaped characters. */
    private static int stringEnd(String text, int open, int end) {
        int i = open + 1;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return end;
    }

    private static boolean followedByColon(String text, int from, int end) {
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return false;
    }

    private static int numberEnd(String text, int start, int end) {
        int i = start + 1;
        while (i < end && "0123456789.eE+-".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static int wordEnd(String text, int start, int end) {
        int i = start + 1;
        while (i < end && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void add(List<JsonSpan> spans, JsonSpan.Kind kind, int start, int end) {
        int last = spans.size() - 1;
        if (last >= 0 && spans.get(last).kind() == kind && spans.get(last).end() == start) {
            spans.set(last, new JsonSpan(kind, spans.get(last).start(), end));
        } else {
            spans.add(new JsonSpan(kind, start, end));
        }
    }
}
