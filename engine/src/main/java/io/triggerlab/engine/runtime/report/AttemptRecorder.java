package io.triggerlab.engine.runtime.report;

import io.triggerlab.engine.observe.history.InvocationHistory;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.history.PartitionRange;
import io.triggerlab.engine.invoke.EventPayload;
import io.triggerlab.engine.invoke.InvocationResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns each attempt at a batch into an invocation history entry and tells the observer once it is stored.
 *
 * <p>The history is a record of what happened, not part of delivery: when it cannot be written (a full disk, a broken
 * database file), the attempt goes unrecorded, the failure is logged and reported to the observer, and the poller
 * carries on delivering and committing exactly as before. Blocking commits on the history would turn a full disk into
 * an endless redelivery loop of the same batch.
 */
public final class AttemptRecorder {

    private static final Logger log = LoggerFactory.getLogger(AttemptRecorder.class);
    /** While the history stays broken, one warning per this many unrecorded attempts. */
    static final int WARN_EVERY = 100;

    private int unrecordedInARow;
    private final String mappingUuid;
    private final InvocationHistory history;
    private final PollerObserver observer;

    public AttemptRecorder(String mappingUuid, InvocationHistory history, PollerObserver observer) {
        this.mappingUuid = mappingUuid;
        this.history = history;
        this.observer = observer;
    }

    public void attempt(String batchId, int attempt, String requestId, Instant started,
                 List<ConsumerRecord<byte[], byte[]>> records, EventPayload payload, InvocationResult result) {
        byte[] response = null;
        String error = null;
        InvocationOutcome outcome;
        if (result instanceof InvocationResult.Success s) {
            outcome = InvocationOutcome.SUCCESS;
            response = s.payload();
        } else if (result instanceof InvocationResult.FunctionError e) {
            outcome = InvocationOutcome.FUNCTION_ERROR;
            response = e.payload();
            error = "Function error: " + e.functionError();
        } else if (result instanceof InvocationResult.TimedOut t) {
            outcome = InvocationOutcome.TIMED_OUT;
            error = t.message();
        } else if (result instanceof InvocationResult.Throttled t) {
            outcome = InvocationOutcome.THROTTLED;
            error = t.message();
        } else if (result instanceof InvocationResult.PayloadTooLarge p) {
            outcome = InvocationOutcome.PAYLOAD_TOO_LARGE;
            error = p.message();
        } else {
            outcome = InvocationOutcome.INVOKE_FAILED;
            error = ((InvocationResult.InvokeFailed) result).message();
        }
        append(sent(batchId, attempt, requestId, started, result, outcome, records, payload, response, error));
    }

    /**
     * An attempt whose outcome the failure policy decided: a success whose {@code batchItemFailures} named failed
     * records, or could not be applied, is shown as {@link InvocationOutcome#BATCH_ITEM_FAILURES} with {@code error}.
     */
    public void attempt(String batchId, int attempt, String requestId, Instant started,
                 List<ConsumerRecord<byte[], byte[]>> records, EventPayload payload, InvocationResult result,
                 InvocationOutcome outcome, String error) {
        byte[] response = result instanceof InvocationResult.Success s ? s.payload()
                : result instanceof InvocationResult.FunctionError e ? e.payload() : null;
        append(sent(batchId, attempt, requestId, started, result, outcome, records, payload, response, error));
    }

    /**
     * The history entry of an invocation, with its event and response unless the history says now that it would not
     * keep them: then the record is built without them (and says why), sparing a copy of a multi-megabyte event.
     * A kept event is copied: the poller builds the next event into the same buffer.
     */
    private InvocationRecord sent(String batchId, int attempt, String requestId, Instant started,
                                  InvocationResult result, InvocationOutcome outcome,
                                  List<ConsumerRecord<byte[], byte[]>> records, EventPayload payload, byte[] response,
                                  String error) {
        Optional<String> notKept = history.bodiesNotKept(payload.length() + (response == null ? 0L : response.length));
        return new InvocationRecord(0, mappingUuid, batchId, attempt, requestId, started, result.duration(), outcome,
                ranges(records), records.size(), payload.length(), notKept.isPresent() ? null : payload.copy(),
                notKept.isPresent() ? null : response, error, result.logs(), notKept.orElse(null));
    }

    /** Records given up with no destination (or whose destination failed): not sent again, committed past. */
    public void givenUp(String batchId, int attempt, Instant at, List<ConsumerRecord<byte[], byte[]>> records,
                 InvocationOutcome outcome, String message) {
        append(new InvocationRecord(0, mappingUuid, batchId, attempt, UUID.randomUUID().toString(), at, Duration.ZERO,
                outcome, ranges(records), records.size(), 0, null, null, message, ""));
    }

    /** Records written to the on-failure destination; the row's payload is the failure record(s) written. */
    public void sentToDestination(String batchId, int attempt, Instant at, List<ConsumerRecord<byte[], byte[]>> records,
                           byte[] failureRecords, String note) {
        append(new InvocationRecord(0, mappingUuid, batchId, attempt, UUID.randomUUID().toString(), at, Duration.ZERO,
                InvocationOutcome.SENT_TO_DESTINATION, ranges(records), records.size(), failureRecords.length,
                failureRecords, null, note, ""));
    }

    public void oversized(String batchId, Instant at, List<ConsumerRecord<byte[], byte[]>> records, long payloadBytes,
                   String message) {
        append(new InvocationRecord(0, mappingUuid, batchId, 1, UUID.randomUUID().toString(), at, Duration.ZERO,
                InvocationOutcome.MAXIMUM_PAYLOAD_SIZE_EXCEEDED, ranges(records), records.size(), payloadBytes,
                null, null, message, ""));
    }

    public void expired(String batchId, int attempt, Instant at, List<ConsumerRecord<byte[], byte[]>> records) {
        String message = records.size() + " record(s) fell below the log start offset (retention) while their batch"
                + " was being retried; they can no longer be delivered.";
        append(new InvocationRecord(0, mappingUuid, batchId, attempt, UUID.randomUUID().toString(), at, Duration.ZERO,
                InvocationOutcome.RECORDS_EXPIRED, ranges(records), records.size(), 0, null, null, message, ""));
    }

    /**
     * Hands the row to the history, which stores it without holding up the poller where it can; the observer (counters,
     * engine events) hears of it once it is stored, on the history's writer thread.
     */
    private void append(InvocationRecord record) {
        history.appendLater(record, new InvocationHistory.Appended() {
            @Override
            public void stored(InvocationRecord stored) {
                recorded(stored);
            }

            @Override
            public void failed(RuntimeException error) {
                unrecorded(error);
            }
        });
    }

    private synchronized void recorded(InvocationRecord stored) {
        if (unrecordedInARow > 0) {
            log.info("The invocation history of mapping {} is written again; {} attempt(s) before this one were not"
                    + " recorded", mappingUuid, unrecordedInARow);
            unrecordedInARow = 0;
        }
        observer.invoked(stored);
    }

    private synchronized void unrecorded(RuntimeException e) {
        unrecordedInARow++;
        if (unrecordedInARow == 1 || unrecordedInARow % WARN_EVERY == 0) {
            log.warn("The invocation history cannot be written ({}); {} attempt(s) of mapping {} not recorded so far."
                    + " Delivery and offset commits go on. Free disk space in the data directory (or repair its"
                    + " database); recording resumes by itself.", e.toString(), unrecordedInARow, mappingUuid);
        }
        observer.historyUnavailable(e);
    }

    /**
     * The records' offset range per partition, in order of first appearance. Records come in runs of one partition,
     * so a partition is looked up once per run, not once per record.
     */
    public static List<PartitionRange> ranges(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<TopicPartition, long[]> byPartition = new LinkedHashMap<>();
        TopicPartition run = null;
        long[] range = null;
        for (ConsumerRecord<byte[], byte[]> r : records) {
            if (run == null || run.partition() != r.partition() || !run.topic().equals(r.topic())) {
                run = new TopicPartition(r.topic(), r.partition());
                range = byPartition.computeIfAbsent(run, tp -> new long[]{Long.MAX_VALUE, Long.MIN_VALUE, 0});
            }
            range[0] = Math.min(range[0], r.offset());
            range[1] = Math.max(range[1], r.offset());
            range[2]++;
        }
        List<PartitionRange> ranges = new ArrayList<>(byPartition.size());
        byPartition.forEach((tp, span) -> ranges.add(new PartitionRange(tp.topic(), tp.partition(), span[0], span[1],
                (int) span[2])));
        return ranges;
    }
}
