package io.triggerlab.engine.observe.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One invocation, complete: what was sent, what came back, what the function logged. Immutable: the byte arrays are
 * copied in and out.
 *
 * @param id           assigned by the store; 0 before {@link InvocationHistory#append}
 * @param batchId      the same for every attempt at one batch
 * @param attempt      1-based attempt number within the batch
 * @param requestId    Lambda's request id of this invocation
 * @param partitions   the records sent, per topic partition; their record counts add up to {@code recordCount}
 * @param payloadBytes size of the event JSON sent; equals {@code payload.length} when the payload is kept
 * @param payload      the exact event JSON sent, or null when not kept
 * @param response     the function's response or error JSON, or null when there is none
 * @param errorMessage e.g. {@code Task timed out after 3.00 seconds}, or null
 * @param logs         the function's log output; empty, never null
 * @param payloadNote  why the payload and response were not kept although the history keeps payloads, or null
 */
public record InvocationRecord(long id, String mappingUuid, String batchId, int attempt, String requestId,
                               Instant startedAt, Duration duration, InvocationOutcome outcome,
                               List<PartitionRange> partitions, int recordCount, long payloadBytes,
                               byte[] payload, byte[] response, String errorMessage, String logs,
                               String payloadNote) {

    /** Column sizes of the history table. */
    public static final int MAX_MAPPING_UUID_LENGTH = 64;
    public static final int MAX_ID_LENGTH = 128;

    public InvocationRecord {
        if (id < 0) {
            throw new IllegalArgumentException("Invocation id " + id + " is negative: use 0 before the store assigns one");
        }
        requireText(mappingUuid, "mappingUuid", MAX_MAPPING_UUID_LENGTH);
        requireText(batchId, "batchId", MAX_ID_LENGTH);
        requireText(requestId, "requestId", MAX_ID_LENGTH);
        if (attempt < 1) {
            throw new IllegalArgumentException("Invocation attempt " + attempt + " is out of range: attempts count from 1");
        }
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Invocation duration " + duration + " is negative");
        }
        Objects.requireNonNull(outcome, "outcome");
        partitions = List.copyOf(Objects.requireNonNull(partitions, "partitions"));
        long sent = partitions.stream().mapToLong(PartitionRange::recordCount).sum();
        if (recordCount < 0 || recordCount != sent) {
            throw new IllegalArgumentException("Invocation recordCount " + recordCount
                    + " does not match its partitions, which hold " + sent + " records");
        }
        if (payloadBytes < 0) {
            throw new IllegalArgumentException("Invocation payloadBytes " + payloadBytes + " is negative");
        }
        if (payload != null && payload.length != payloadBytes) {
            throw new IllegalArgumentException("Invocation payloadBytes " + payloadBytes + " differs from the kept payload's "
                    + payload.length + " bytes: pass the size of the event actually sent");
        }
        Objects.requireNonNull(logs, "logs (use \"\" when the function logged nothing)");
        payload = copy(payload);
        response = copy(response);
    }

    /** An invocation with no note about its payload. */
    public InvocationRecord(long id, String mappingUuid, String batchId, int attempt, String requestId,
                            Instant startedAt, Duration duration, InvocationOutcome outcome,
                            List<PartitionRange> partitions, int recordCount, long payloadBytes,
                            byte[] payload, byte[] response, String errorMessage, String logs) {
        this(id, mappingUuid, batchId, attempt, requestId, startedAt, duration, outcome, partitions, recordCount,
                payloadBytes, payload, response, errorMessage, logs, null);
    }

    /** The same invocation with the id the store assigned. */
    public InvocationRecord withId(long newId) {
        return new InvocationRecord(newId, mappingUuid, batchId, attempt, requestId, startedAt, duration, outcome,
                partitions, recordCount, payloadBytes, payload, response, errorMessage, logs, payloadNote);
    }

    /** The same invocation without its event payload and response (sizes, outcome, errors and logs stay). */
    public InvocationRecord withoutBodies() {
        return withoutBodies(payloadNote);
    }

    /** As {@link #withoutBodies()}, saying why they were not kept. */
    public InvocationRecord withoutBodies(String note) {
        return new InvocationRecord(id, mappingUuid, batchId, attempt, requestId, startedAt, duration, outcome,
                partitions, recordCount, payloadBytes, null, null, errorMessage, logs, note);
    }

    /** The payload itself, not a copy, for the store: it never changes it nor lets it out. */
    byte[] sharedPayload() {
        return payload;
    }

    /** The response itself, not a copy, for the store. */
    byte[] sharedResponse() {
        return response;
    }

    /** The size of the kept payload and response together, without copying them. */
    public long bodyBytes() {
        return (payload == null ? 0 : payload.length) + (response == null ? 0 : response.length);
    }

    /** A copy of the event JSON sent, or null when it was not kept. */
    @Override
    public byte[] payload() {
        return copy(payload);
    }

    /** A copy of the function's response or error JSON, or null. */
    @Override
    public byte[] response() {
        return copy(response);
    }

    /** The table row for this invocation, without its bodies. */
    public InvocationSummary summary() {
        return new InvocationSummary(id, mappingUuid, batchId, attempt, requestId, startedAt, duration, outcome,
                partitions, recordCount, payloadBytes, payload != null, response != null, errorMessage, payloadNote);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InvocationRecord r
                && id == r.id && attempt == r.attempt && recordCount == r.recordCount && payloadBytes == r.payloadBytes
                && mappingUuid.equals(r.mappingUuid) && batchId.equals(r.batchId) && requestId.equals(r.requestId)
                && startedAt.equals(r.startedAt) && duration.equals(r.duration) && outcome == r.outcome
                && partitions.equals(r.partitions) && Arrays.equals(payload, r.payload)
                && Arrays.equals(response, r.response) && Objects.equals(errorMessage, r.errorMessage)
                && logs.equals(r.logs) && Objects.equals(payloadNote, r.payloadNote);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, mappingUuid, batchId, attempt, requestId, startedAt, duration, outcome, partitions,
                recordCount, payloadBytes, Arrays.hashCode(payload), Arrays.hashCode(response), errorMessage, logs,
                payloadNote);
    }

    /** Sizes rather than bodies: a record's toString can end up in a log line. */
    @Override
    public String toString() {
        return "InvocationRecord[id=" + id + ", mappingUuid=" + mappingUuid + ", batchId=" + batchId
                + ", attempt=" + attempt + ", requestId=" + requestId + ", startedAt=" + startedAt
                + ", duration=" + duration + ", outcome=" + outcome + ", partitions=" + partitions
                + ", recordCount=" + recordCount + ", payloadBytes=" + payloadBytes
                + ", payload=" + size(payload) + ", response=" + size(response)
                + ", errorMessage=" + errorMessage + ", logs=" + logs.length() + " chars"
                + (payloadNote == null ? "" : ", payloadNote=" + payloadNote) + "]";
    }

    private static String size(byte[] body) {
        return body == null ? "null" : body.length + " bytes";
    }

    private static byte[] copy(byte[] bytes) {
        return bytes == null ? null : bytes.clone();
    }

    private static void requireText(String value, String name, int maxLength) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("Invocation " + name + " is blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException("Invocation " + name + " is " + value.length()
                    + " characters long: must be at most " + maxLength);
        }
    }
}
