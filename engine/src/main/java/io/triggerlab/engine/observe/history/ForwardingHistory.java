package io.triggerlab.engine.observe.history;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A history that hands every call to the history it wraps: a subclass overrides only what it changes, and
 * {@link #beforeAccess()} to run something before each call reaches the store (the row writer waits for its queue).
 * {@code appendLater} is deliberately not forwarded: it stays the interface's, which calls {@link #append}, so what a
 * subclass does on append applies to it too.
 */
public abstract class ForwardingHistory implements InvocationHistory {

    protected final InvocationHistory stored;

    protected ForwardingHistory(InvocationHistory stored) {
        this.stored = Objects.requireNonNull(stored, "stored");
    }

    /** Runs before each call that reads or changes the stored history; nothing by default. */
    protected void beforeAccess() {
    }

    @Override
    public InvocationRecord append(InvocationRecord invocation) {
        beforeAccess();
        return stored.append(invocation);
    }

    @Override
    public List<InvocationRecord> appendAll(List<InvocationRecord> invocations) {
        beforeAccess();
        return stored.appendAll(invocations);
    }

    @Override
    public Optional<String> bodiesNotKept(long bodyBytes) {
        return stored.bodiesNotKept(bodyBytes);
    }

    @Override
    public List<InvocationSummary> list(HistoryQuery query) {
        beforeAccess();
        return stored.list(query);
    }

    @Override
    public Optional<InvocationRecord> get(long id) {
        beforeAccess();
        return stored.get(id);
    }

    @Override
    public List<InvocationSummary> attemptsOf(String batchId) {
        beforeAccess();
        return stored.attemptsOf(batchId);
    }

    @Override
    public long count(String mappingUuid) {
        beforeAccess();
        return stored.count(mappingUuid);
    }

    @Override
    public int deleteMapping(String mappingUuid) {
        beforeAccess();
        return stored.deleteMapping(mappingUuid);
    }

    @Override
    public HistoryStats stats() {
        beforeAccess();
        return stored.stats();
    }
}
