package io.triggerlab.engine.observe.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One invocation as a table row: everything but the payload, response and log bodies, so that listing thousands of
 * rows reads kilobytes, not megabytes. {@link InvocationHistory#get(long)} loads the bodies.
 *
 * @param payloadKept whether the event JSON itself is stored (its size is in {@code payloadBytes} either way)
 * @param hasResponse whether a response or error body is stored
 * @param payloadNote why the payload was not kept although the history keeps payloads (e.g. {@code payload not kept:
 *                    the history writer was 31.2 MB behind}), or null
 */
public record InvocationSummary(long id, String mappingUuid, String batchId, int attempt, String requestId,
                                Instant startedAt, Duration duration, InvocationOutcome outcome,
                                List<PartitionRange> partitions, int recordCount, long payloadBytes,
                                boolean payloadKept, boolean hasResponse, String errorMessage,
                                String payloadNote) {
    public InvocationSummary {
        partitions = List.copyOf(partitions);
    }

    /** A row with no note about its payload. */
    public InvocationSummary(long id, String mappingUuid, String batchId, int attempt, String requestId,
                             Instant startedAt, Duration duration, InvocationOutcome outcome,
                             List<PartitionRange> partitions, int recordCount, long payloadBytes,
                             boolean payloadKept, boolean hasResponse, String errorMessage) {
        this(id, mappingUuid, batchId, attempt, requestId, startedAt, duration, outcome, partitions, recordCount,
                payloadBytes, payloadKept, hasResponse, errorMessage, null);
    }
}
