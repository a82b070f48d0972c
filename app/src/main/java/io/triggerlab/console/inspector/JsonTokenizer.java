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
        return tokenize(text, text.length());
    }

    /**
     * Runs covering {@code text[0, end)}, where {@code end} is at most {@code limit} and falls at a line break when
     * there is one (so a coloured prefix ends cleanly); the caller shows the rest uncoloured.
     */
    public static List<JsonSpan> tokenize(String text, int limit) {
        int end = prefixEnd(text, limit);
        List<JsonSpan> spans = new ArrayList<>();
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
                String word = text.substring(i, next);
                kind = word.equals("true") || word.equals("false") || word.equals("null")
                        ? JsonSpan.Kind.LITERAL : JsonSpan.Kind.PUNCTUATION;
            } else {
                next = i + 1;
                kind = JsonSpan.Kind.PUNCTUATION;
            }
            add(spans, kind, i, next);
            i = next;
        }
        return spans;
    }

    /** Where the coloured prefix ends: all of it when short enough, else just after the last line break before the limit. */
    static int prefixEnd(String text, int limit) {
        if (text.length() <= limit) {
            return text.length();
        }
        int lastBreak = text.lastIndexOf('\n', limit - 1);
        return lastBreak > 0 ? lastBreak + 1 : limit;
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
