package io.triggerlab.engine.observe.history;

/**
 * How much history is stored now.
 *
 * @param records     invocations kept
 * @param storedBytes body bytes they take as stored (after compression)
 */
public record HistoryStats(long records, long storedBytes) {
}
