package io.triggerlab.engine.observe.history;

import java.util.List;
import java.util.Optional;

/**
 * A history that keeps every invocation (outcome, partitions, sizes, errors, logs) but not its event payload and
 * response: the engine's "history without payloads" setting ({@code EngineConfig.keepHistoryPayloads}). Storing a
 * multi-megabyte event per batch is the history's whole cost at high throughput; the rows alone are cheap.
 */
public final class NoPayloadHistory extends ForwardingHistory {

    /** The {@code payloadNote} of every invocation stored here. */
    public static final String NOTE = "payload not kept: the engine runs without payload history"
            + " (serve --no-history-payloads)";

    public NoPayloadHistory(InvocationHistory stored) {
        super(stored);
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
}
