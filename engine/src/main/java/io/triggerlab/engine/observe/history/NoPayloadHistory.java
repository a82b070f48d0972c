package io.triggerlab.engine.observe.history;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A history that keeps every invocation (outcome, partitions, sizes, errors, logs) but not its event payload and
 * response: the engine's "history without payloads" setting ({@code EngineConfig.keepHistoryPayloads}). Storing a
 * multi-megabyte event per batch is the history's whole cost at high throughput; the rows alone are cheap.
 */
public final class NoPayloadHistory implements InvocationHistory {

    /** The {@code payloadNote} of every invocation stored here. */
    public static final String NOTE = "payload not kept: the engine runs without payload history"
            + " (serve --no-history-payloads)";

    private final InvocationHistory stored;

    public NoPayloadHistory(InvocationHistory stored) {
        this.stored = Objects.requireNonNull(stored, "stored");
    }

    @Override
    public InvocationRecord append(InvocationRecord invocation) {
        return stored.append(invocation.withoutBodies(NOTE));
    }

    @Override
    public List<InvocationRecord> appendAll(List<InvocationRecord> invocations) {
        return stored.appendAll(invocations.stream().map(i -> i.withoutBodies(NOTE)).toList());
    }

    @Override
    public Optional<String> bodiesNotKept(long bodyBytes) {
        return Optional.of(NOTE);
    }

    @Override
    public List<InvocationSummary> list(HistoryQuery query) {
        return stored.list(query);
    }

    @Override
    public Optional<InvocationRecord> get(long id) {
        return stored.get(id);
    }

    @Override
    public List<InvocationSummary> attemptsOf(String batchId) {
        return stored.attemptsOf(batchId);
    }

    @Override
    public long count(String mappingUuid) {
        return stored.count(mappingUuid);
    }

    @Override
    public int deleteMapping(String mappingUuid) {
        return stored.deleteMapping(mappingUuid);
    }

    @Override
    public HistoryStats stats() {
        return stored.stats();
    }
}
