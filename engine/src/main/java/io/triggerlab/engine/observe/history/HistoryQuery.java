package io.triggerlab.engine.observe.history;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One page of invocations, newest first. Page on with {@link #before(long)} and the last row's id (keyset paging:
 * no duplicates or gaps while new invocations arrive).
 *
 * @param mappingUuid only this mapping's invocations; null for all mappings
 * @param outcomes    only these outcomes; empty (or null) for all
 * @param batchId     only the attempts at this batch; null for all
 * @param beforeId    only ids strictly below this one; null for the newest page
 * @param limit       page size, 1..1000
 */
public record HistoryQuery(String mappingUuid, Set<InvocationOutcome> outcomes, String batchId, Long beforeId, int limit) {

    public static final int MAX_LIMIT = 1000;

    public HistoryQuery {
        outcomes = outcomes == null || outcomes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(outcomes));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("History query limit " + limit + " is out of range: must be 1.." + MAX_LIMIT);
        }
        if (beforeId != null && beforeId < 1) {
            throw new IllegalArgumentException("History query beforeId " + beforeId
                    + " is out of range: must be an invocation id (>= 1), or absent for the newest page");
        }
        if (mappingUuid != null && mappingUuid.isBlank()) {
            throw new IllegalArgumentException("History query mappingUuid is blank: give a UUID, or none for all mappings");
        }
        if (batchId != null && batchId.isBlank()) {
            throw new IllegalArgumentException("History query batchId is blank: give a batch id, or none for all batches");
        }
    }

    /** The newest {@code limit} invocations of all mappings. */
    public static HistoryQuery latest(int limit) {
        return new HistoryQuery(null, Set.of(), null, null, limit);
    }

    /** The newest {@code limit} invocations of one mapping. */
    public static HistoryQuery ofMapping(String mappingUuid, int limit) {
        return new HistoryQuery(Objects.requireNonNull(mappingUuid, "mappingUuid"), Set.of(), null, null, limit);
    }

    /** The next page after a row with this id. */
    public HistoryQuery before(long id) {
        return new HistoryQuery(mappingUuid, outcomes, batchId, id, limit);
    }

    /** This query narrowed to the given outcomes. */
    public HistoryQuery withOutcomes(Set<InvocationOutcome> only) {
        return new HistoryQuery(mappingUuid, only, batchId, beforeId, limit);
    }

    /** This query narrowed to one outcome. */
    public HistoryQuery withOutcome(InvocationOutcome only) {
        return withOutcomes(Set.of(Objects.requireNonNull(only, "outcome")));
    }

    /** This query narrowed to the attempts at one batch. */
    public HistoryQuery withBatchId(String only) {
        return new HistoryQuery(mappingUuid, outcomes, only, beforeId, limit);
    }
}
