package io.triggerlab.console.invocations;

import java.util.Objects;

/**
 * One line of the invocations table: an invocation and where it stands in its batch's group.
 *
 * @param row         the invocation this line shows (a group's line shows the batch's newest attempt)
 * @param kind        a batch with one row, a group's line, or an older row under an expanded group. A batch's rows are
 *                    its attempts and, once given up, the row that says so (sent to the destination, dropped), which
 *                    carries the last attempt's number: a group is a batch with more than one row
 * @param attempts    how many attempts the batch has had (the newest attempt's number; 1 for a single)
 * @param attemptText what the Attempt column shows, e.g. "▸ 3 attempts" or "↳ 1"
 */
public record InvocationLine(InvocationRow row, Kind kind, int attempts, String attemptText) {

    public enum Kind {
        /** A batch delivered once (or a replay, or any line while grouping is off). */
        SINGLE,
        /** The newest attempt of a retried batch, standing for the group; its older attempts are hidden. */
        GROUP_COLLAPSED,
        /** The newest attempt of a retried batch, with its older attempts shown under it. */
        GROUP_EXPANDED,
        /** An older attempt shown under its expanded group. */
        ATTEMPT
    }

    public InvocationLine {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(attemptText, "attemptText");
    }

    static InvocationLine single(InvocationRow row) {
        return new InvocationLine(row, Kind.SINGLE, Math.max(1, row.attempt()), row.attemptText());
    }

    static InvocationLine group(InvocationRow newest, int attempts, boolean expanded) {
        return new InvocationLine(newest, expanded ? Kind.GROUP_EXPANDED : Kind.GROUP_COLLAPSED, attempts,
                (expanded ? "▾ " : "▸ ") + attempts + (attempts == 1 ? " attempt" : " attempts"));
    }

    static InvocationLine attempt(InvocationRow older) {
        return new InvocationLine(older, Kind.ATTEMPT, older.attempt(), "↳ " + older.attempt());
    }

    /** Whether this line stands for a retried batch and can be expanded or collapsed. */
    public boolean isGroup() {
        return kind == Kind.GROUP_COLLAPSED || kind == Kind.GROUP_EXPANDED;
    }

    public String batchId() {
        return row.batchId();
    }
}
