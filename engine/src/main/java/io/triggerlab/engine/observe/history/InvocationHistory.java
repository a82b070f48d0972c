package io.triggerlab.engine.observe.history;

import java.util.ArrayList;
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
     * Stores several invocations in the given order, as one write where the store can (the background writer drains
     * its queue this way): all or none, so a caller that gets an exception can append them one by one to find the row
     * that failed. This default appends each at once.
     */
    default List<InvocationRecord> appendAll(List<InvocationRecord> invocations) {
        List<InvocationRecord> stored = new ArrayList<>(invocations.size());
        for (InvocationRecord invocation : invocations) {
            stored.add(append(invocation));
        }
        return stored;
    }

    /** What {@link #appendLater} reports once an invocation is stored, or could not be. */
    interface Appended {
        /** The invocation as stored, with its id. */
        void stored(InvocationRecord stored);

        /** It could not be stored (e.g. the disk is full); it is not in the history. */
        void failed(RuntimeException error);
    }

    /**
     * Stores an invocation without making the caller wait for the store where the implementation can (a poller must
     * not wait for the disk); {@code then} hears the outcome, possibly on another thread, in append order. Readers see
     * every invocation appended before their call. This default appends at once, on the caller's thread.
     */
    default void appendLater(InvocationRecord invocation, Appended then) {
        InvocationRecord stored;
        try {
            stored = append(invocation);
        } catch (RuntimeException e) {
            then.failed(e);
            return;
        }
        then.stored(stored);
    }

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
