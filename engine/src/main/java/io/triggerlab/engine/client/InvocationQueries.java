package io.triggerlab.engine.client;

import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.observe.history.InvocationHistory;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.history.InvocationSummary;

import java.util.List;
import java.util.Optional;

/**
 * What a reader of the invocation history may ask: table rows ({@link InvocationSummary}), one invocation in detail
 * ({@link InvocationRecord}, with its bodies) and the attempts of a batch. Read-only: appending and pruning stay the
 * engine's. Calls query the store and may block.
 */
public interface InvocationQueries {

    /** One page of table rows, newest (highest id) first. */
    List<InvocationSummary> list(HistoryQuery query);

    /** The complete invocation with its bodies, or empty when there is none with this id (never was, or pruned). */
    Optional<InvocationRecord> get(long id);

    /** Every stored attempt at one batch, first attempt first. */
    List<InvocationSummary> attemptsOf(String batchId);

    /** The read side of an engine's history. */
    static InvocationQueries of(InvocationHistory history) {
        return new InvocationQueries() {
            @Override
            public List<InvocationSummary> list(HistoryQuery query) {
                return history.list(query);
            }

            @Override
            public Optional<InvocationRecord> get(long id) {
                return history.get(id);
            }

            @Override
            public List<InvocationSummary> attemptsOf(String batchId) {
                return history.attemptsOf(batchId);
            }
        };
    }
}
