package io.triggerlab.engine.invoke;

import java.time.Duration;
import java.util.Locale;

/**
 * The log of one local invocation, framed the way Lambda frames it ({@code START}, the function's lines, {@code END},
 * {@code REPORT}). Thread-safe: a handler may log from any thread. Bounded: past {@link #MAX_CHARS} the oldest text is
 * dropped, because, like Lambda's log tail, the end of a log is what explains a failure.
 */
final class InvocationLog {

    static final int MAX_CHARS = 256 * 1024;
    /** Lambda reports 128 MB by default; the local function has no memory limit, so this is nominal. */
    static final int MEMORY_SIZE_MB = 128;

    private final String requestId;
    private final StringBuilder text = new StringBuilder();
    private long droppedChars;

    InvocationLog(String requestId) {
        this.requestId = requestId;
        line("START RequestId: " + requestId + " Version: $LATEST");
    }

    /** Appends one line (a newline is added unless the text already ends with one). */
    synchronized void line(String message) {
        text.append(message);
        if (!message.endsWith("\n")) {
            text.append('\n');
        }
        dropOldest();
    }

    /** Appends raw output (e.g. a process's stderr) as it came. */
    synchronized void raw(String output) {
        if (output.isEmpty()) {
            return;
        }
        text.append(output);
        if (!output.endsWith("\n")) {
            text.append('\n');
        }
        dropOldest();
    }

    /** Lambda's timeout line, written where Lambda writes it: before END. */
    void timedOut(String message) {
        line(requestId + " " + message);
    }

    /** Closes the frame with END and REPORT and returns the whole log. */
    synchronized String finish(Duration duration) {
        double millis = duration.toNanos() / 1e6;
        line("END RequestId: " + requestId);
        line(String.format(Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB",
                requestId, millis, (long) Math.ceil(millis), MEMORY_SIZE_MB));
        return droppedChars == 0 ? text.toString() : "[" + droppedChars + " earlier characters dropped]\n" + text;
    }

    private void dropOldest() {
        int excess = text.length() - MAX_CHARS;
        if (excess > 0) {
            text.delete(0, excess);
            droppedChars += excess;
        }
    }
}
