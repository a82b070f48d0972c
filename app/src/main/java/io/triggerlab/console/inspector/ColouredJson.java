package io.triggerlab.console.inspector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * JSON text cut into display lines, with its colour runs, all of it: a virtualized list shows only the lines in view,
 * each coloured from the runs it overlaps, so a 6 MB event is coloured throughout and opens as fast as a short one.
 *
 * <p>A display line is a line of the text, or a piece of at most {@link #MAX_LINE} characters of a longer one (a
 * large record value is one long base64 string): every cell then stays small, and the pieces after the first are
 * marked as continuations. The runs are kept packed (an int and a byte each) because a 6 MB event has about a million.
 * Immutable; built off the FX thread.
 */
public final class ColouredJson {

    /** Longest display line: longer lines are wrapped at this many characters. */
    public static final int MAX_LINE = 120;

    public static final ColouredJson EMPTY = of("");

    private static final JsonSpan.Kind[] KINDS = JsonSpan.Kind.values();

    private final String text;
    /** Where each display line starts; one more entry, the text's length, closes the last line. */
    private final int[] lineStarts;
    /** Where each run starts; runs cover the text without gaps, so a run ends where the next starts. */
    private final int[] runStarts;
    private final byte[] runKinds;
    private final int runCount;

    private ColouredJson(String text, int[] lineStarts, int[] runStarts, byte[] runKinds, int runCount) {
        this.text = text;
        this.lineStarts = lineStarts;
        this.runStarts = runStarts;
        this.runKinds = runKinds;
        this.runCount = runCount;
    }

    /** Cuts {@code text} into display lines and finds its colour runs: one pass each. */
    public static ColouredJson of(String text) {
        Objects.requireNonNull(text, "text");
        IntList runStarts = new IntList(Math.max(16, text.length() / 8));
        ByteList runKinds = new ByteList(Math.max(16, text.length() / 8));
        JsonTokenizer.scan(text, (kind, start, end) -> {
            int last = runKinds.size() - 1;
            if (last < 0 || runKinds.get(last) != kind.ordinal()) {
                runStarts.add(start);
                runKinds.add((byte) kind.ordinal());
            }
        });
        return new ColouredJson(text, lineStarts(text), runStarts.toArray(), runKinds.toArray(), runKinds.size());
    }

    private static int[] lineStarts(String text) {
        IntList starts = new IntList(Math.max(16, text.length() / 24));
        int length = text.length();
        int pos = 0;
        while (pos < length) {
            int newline = text.indexOf('\n', pos);
            int lineEnd = newline < 0 ? length : newline;
            while (lineEnd - pos > MAX_LINE) {
                starts.add(pos);
                int cut = pos + MAX_LINE;
                // Never split a surrogate pair between two lines.
                pos = Character.isHighSurrogate(text.charAt(cut - 1)) ? cut - 1 : cut;
            }
            starts.add(pos);
            pos = lineEnd + 1;
        }
        starts.add(length);
        return starts.toArray();
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length - 1;
    }

    /** The text of display line {@code index}, without its line break. */
    public String line(int index) {
        return text.substring(lineStarts[index], lineEnd(index));
    }

    /** Whether display line {@code index} goes on from the line before it (a long line wrapped). */
    public boolean isContinuation(int index) {
        int start = lineStarts[index];
        return start > 0 && text.charAt(start - 1) != '\n';
    }

    /** The colour runs of display line {@code index}, positions relative to the line's start. */
    public List<JsonSpan> spansOfLine(int index) {
        int start = lineStarts[index];
        int end = lineEnd(index);
        List<JsonSpan> spans = new ArrayList<>();
        int run = Arrays.binarySearch(runStarts, 0, runCount, start);
        run = run >= 0 ? run : -run - 2;
        for (; run < runCount && run >= 0 && runStarts[run] < end; run++) {
            int runEnd = run + 1 < runCount ? runStarts[run + 1] : text.length();
            int from = Math.max(start, runStarts[run]);
            int to = Math.min(end, runEnd);
            if (to > from) {
                spans.add(new JsonSpan(KINDS[runKinds[run]], from - start, to - start));
            }
        }
        return spans;
    }

    /** The text of some display lines, in order, joined as in the text (a wrapped line is one line again). */
    public String textOfLines(Collection<Integer> indices) {
        StringBuilder out = new StringBuilder();
        indices.stream().sorted().forEach(index -> {
            if (out.length() > 0 && !isContinuation(index)) {
                out.append('\n');
            }
            out.append(text, lineStarts[index], lineEnd(index));
        });
        return out.toString();
    }

    /** How many lines of the text were wrapped, for the note above the view. */
    public int wrappedLines() {
        int wrapped = 0;
        for (int i = 1; i < lineCount(); i++) {
            if (isContinuation(i) && !isContinuation(i - 1)) {
                wrapped++;
            }
        }
        return wrapped;
    }

    /** "3 long lines wrapped at 120 characters (↪)", or "" when none is. */
    public String note() {
        int wrapped = wrappedLines();
        if (wrapped == 0) {
            return "";
        }
        return wrapped + (wrapped == 1 ? " long line" : " long lines") + " wrapped at " + MAX_LINE
                + " characters (↪)";
    }

    private int lineEnd(int index) {
        int next = lineStarts[index + 1];
        // The next display line starts after this one's line break, or right at its end when this one was wrapped.
        return next > lineStarts[index] && next <= text.length() && next > 0 && text.charAt(next - 1) == '\n'
                ? next - 1 : next;
    }

    /** A growable int array, so a million runs cost 4 MB, not a million boxed objects. */
    private static final class IntList {
        private int[] values;
        private int size;

        IntList(int capacity) {
            values = new int[capacity];
        }

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private static final class ByteList {
        private byte[] values;
        private int size;

        ByteList(int capacity) {
            values = new byte[capacity];
        }

        void add(byte value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        byte get(int index) {
            return values[index];
        }

        int size() {
            return size;
        }

        byte[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
