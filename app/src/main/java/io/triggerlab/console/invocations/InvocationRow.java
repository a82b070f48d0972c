package io.triggerlab.console.invocations;

import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.observe.history.PartitionRange;
import io.triggerlab.engine.runtime.replay.ReplayBatchIds;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * One invocation as the table shows it: formatted once when it arrives, so the virtualized table's cells only copy
 * strings while scrolling.
 */
public record InvocationRow(long id, String mappingUuid, String batchId, String requestId, String time,
                            String partitions, int records, String size, int attempt, String attemptText,
                            String duration, InvocationOutcome outcome, String outcomeText, String error) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    public static InvocationRow of(InvocationSummary s, ZoneId zone) {
        String partitions = s.partitions().stream().map(InvocationRow::range).collect(Collectors.joining(", "));
        OptionalLong replayOf = ReplayBatchIds.replayOf(s);
        String attempt = replayOf.isPresent() ? "Replay of #" + replayOf.getAsLong()
                : ReplayBatchIds.isTestEvent(s) ? "Test event"
                : s.attempt() == 1 ? "1" : s.attempt() + " ↻ retry";
        return new InvocationRow(s.id(), s.mappingUuid(), s.batchId(), s.requestId(),
                TIME.format(s.startedAt().atZone(zone)), partitions.isEmpty() ? "—" : partitions, s.recordCount(),
                bytes(s.payloadBytes()), s.attempt(), attempt, s.duration().toMillis() + " ms", s.outcome(),
                describe(s.outcome()), s.errorMessage() == null ? "" : s.errorMessage());
    }

    private static String range(PartitionRange r) {
        return r.topicPartition() + " @" + (r.firstOffset() == r.lastOffset() ? String.valueOf(r.firstOffset())
                : r.firstOffset() + "–" + r.lastOffset());
    }

    /** 1,234 B / 12.3 KB / 4.5 MB. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** Words for an outcome, e.g. "Function error". */
    public static String describe(InvocationOutcome outcome) {
        switch (outcome) {
            case SUCCESS:
                return "Success";
            case FUNCTION_ERROR:
                return "Function error";
            case TIMED_OUT:
                return "Timed out";
            case THROTTLED:
                return "Throttled";
            case PAYLOAD_TOO_LARGE:
                return "Payload too large";
            case INVOKE_FAILED:
                return "Invoke failed";
            case MAXIMUM_PAYLOAD_SIZE_EXCEEDED:
                return "Record too large (skipped)";
            case RECORDS_EXPIRED:
                return "Records expired";
            case BATCH_ITEM_FAILURES:
                return "Partial failure";
            case DROPPED:
                return "Dropped";
            default:
                return outcome.name();
        }
    }

    /** Whether the search text appears in the request id, batch id, partitions, outcome or error. */
    public boolean matches(String search) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String needle = search.strip().toLowerCase(Locale.ROOT);
        return requestId.toLowerCase(Locale.ROOT).contains(needle) || batchId.toLowerCase(Locale.ROOT).contains(needle)
                || partitions.toLowerCase(Locale.ROOT).contains(needle)
                || outcomeText.toLowerCase(Locale.ROOT).contains(needle)
                || error.toLowerCase(Locale.ROOT).contains(needle);
    }
}
