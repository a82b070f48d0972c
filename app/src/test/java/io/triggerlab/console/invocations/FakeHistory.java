package io.triggerlab.console.invocations;

import io.triggerlab.engine.client.InvocationQueries;
import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.observe.history.HistoryStats;
import io.triggerlab.engine.observe.history.InvocationHistory;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.observe.history.PartitionRange;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** An in-memory {@link InvocationHistory} (and so its read side, {@link InvocationQueries}) with the real one's paging contract: newest first, keyset by id. */
public final class FakeHistory implements InvocationHistory, InvocationQueries {

    private final List<InvocationRecord> records = new ArrayList<>();
    private long nextId = 1;

    @Override
    public synchronized InvocationRecord append(InvocationRecord invocation) {
        InvocationRecord stored = invocation.withId(nextId++);
        records.add(stored);
        return stored;
    }

    /** Appends an invocation of one record at {@code offset} of {@code topic-0}. */
    public InvocationRecord add(String mapping, String batchId, int attempt, InvocationOutcome outcome, long offset,
                                String payload) {
        byte[] body = payload == null ? null : payload.getBytes(StandardCharsets.UTF_8);
        return append(new InvocationRecord(0, mapping, batchId, attempt, "req-" + nextId, Instant.parse("2026-01-31T09:30:00Z"),
                Duration.ofMillis(42), outcome, List.of(new PartitionRange("orders", 0, offset, offset, 1)), 1,
                body == null ? 10 : body.length, body, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8),
                outcome == InvocationOutcome.SUCCESS ? null : "boom", "log line\n"));
    }

    @Override
    public synchronized List<InvocationSummary> list(HistoryQuery q) {
        return records.stream()
                .filter(r -> q.mappingUuid() == null || q.mappingUuid().equals(r.mappingUuid()))
                .filter(r -> q.outcomes().isEmpty() || q.outcomes().contains(r.outcome()))
                .filter(r -> q.batchId() == null || q.batchId().equals(r.batchId()))
                .filter(r -> q.beforeId() == null || r.id() < q.beforeId())
                .sorted(Comparator.comparingLong(InvocationRecord::id).reversed())
                .limit(q.limit())
                .map(InvocationRecord::summary)
                .toList();
    }

    @Override
    public synchronized Optional<InvocationRecord> get(long id) {
        return records.stream().filter(r -> r.id() == id).findFirst();
    }

    @Override
    public synchronized List<InvocationSummary> attemptsOf(String batchId) {
        return records.stream().filter(r -> r.batchId().equals(batchId))
                .sorted(Comparator.comparingInt(InvocationRecord::attempt)).map(InvocationRecord::summary).toList();
    }

    @Override
    public synchronized long count(String mappingUuid) {
        return records.stream().filter(r -> mappingUuid == null || mappingUuid.equals(r.mappingUuid())).count();
    }

    @Override
    public synchronized int deleteMapping(String mappingUuid) {
        int before = records.size();
        records.removeIf(r -> r.mappingUuid().equals(mappingUuid));
        return before - records.size();
    }

    @Override
    public HistoryStats stats() {
        return new HistoryStats(records.size(), 0);
    }
}
