package io.triggerlab.engine.observe.history;

/**
 * How much history the engine keeps, across all mappings. When either bound is passed, the oldest invocations are
 * removed until both are {@link #PRUNE_TO_FRACTION} of their bound, so removal happens in batches, not per append.
 * The newest invocation is never removed, even when it alone is larger than {@code maxBytes}.
 *
 * @param maxRecords most invocations kept
 * @param maxBytes   most stored body bytes (payload + response + logs, after compression) kept
 */
public record HistoryRetention(int maxRecords, long maxBytes) {

    public static final int DEFAULT_MAX_RECORDS = 10_000;
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    /** Pruning goes down to 90 % of a bound: one prune per ~10 % of the bound appended. */
    public static final double PRUNE_TO_FRACTION = 0.9;

    public HistoryRetention {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("History retention maxRecords " + maxRecords + " is out of range: must be >= 1");
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("History retention maxBytes " + maxBytes + " is out of range: must be >= 1");
        }
    }

    public static HistoryRetention defaults() {
        return new HistoryRetention(DEFAULT_MAX_RECORDS, DEFAULT_MAX_BYTES);
    }

    /** The record count a prune goes down to. */
    int pruneToRecords() {
        return (int) Math.floor(maxRecords * PRUNE_TO_FRACTION);
    }

    /** The stored byte total a prune goes down to. */
    long pruneToBytes() {
        return (long) Math.floor(maxBytes * PRUNE_TO_FRACTION);
    }
}
