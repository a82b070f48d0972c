package io.triggerlab.engine.observe.history;

import java.util.List;
import java.util.Optional;

/**
 * Every invocation the engine made: the poller appends one per attempt; the console, HTTP API and CLI read them.
 * Bounded by a {@link HistoryRetention}. Implementations are safe for concurrent use by many threads.
 */
public interface InvocationHistory {

    /** Stores an invocation (its id must be 0) and returns it with the id the store assigned. Ids increase. */
    InvocationRecord append(InvocationRecord invocation);

    /**
     * Why bodies (payload and response) of {@code bodyBytes} would not be kept if appended now, or empty when they
     * would be. A hint that lets the caller skip copying a multi-megabyte event into an {@link InvocationRecord} only to
     * have it dropped; {@link #append} still decides (and says why in {@code payloadNote}).
     */
    default Optional<String> bodiesNotKept(long bodyBytes) {
        return Optional.empty();
    }

    /** One page of table rows, newest (highest id) first. */
    List<InvocationSummary> list(HistoryQuery query);

    /** The complete invocation with its bodies, or empty when there is none with this id (never was, or pruned). */
    Optional<InvocationRecord> get(long id);

    /** Every stored attempt at one batch, first attempt first. */
    List<InvocationSummary> attemptsOf(String batchId);

    /** How many invocations of this mapping are stored; null counts all mappings. */
    long count(String mappingUuid);

    /** Removes a mapping's whole history and returns how many invocations went. */
    int deleteMapping(String mappingUuid);

    /** How much is stored now, for retention displays. */
    HistoryStats stats();
}
