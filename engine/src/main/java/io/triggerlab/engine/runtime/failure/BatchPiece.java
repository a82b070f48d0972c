package io.triggerlab.engine.runtime.failure;

import io.triggerlab.engine.invoke.InvocationResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records of one batch that are attempted together: the whole batch, a bisected half, or what a partial failure left
 * to retry.
 *
 * @param records     in batch order
 * @param attempt     the 1-based attempt the next invocation will be (retries used = attempt - 1)
 * @param invokeCount how many times these records were sent to the function so far (AWS's approximateInvokeCount)
 * @param last        the last invocation's result, or {@code null} before the first
 * @param lastRequest the last invocation's request id, or {@code null}
 */
public record BatchPiece(List<ConsumerRecord<byte[], byte[]>> records, int attempt, int invokeCount, InvocationResult last,
                  String lastRequest) {

    public BatchPiece {
        records = List.copyOf(records);
    }

    public static BatchPiece of(List<ConsumerRecord<byte[], byte[]>> records) {
        return new BatchPiece(records, 1, 0, null, null);
    }

    /** This piece after an invocation. */
    public BatchPiece invoked(InvocationResult result, String requestId) {
        return new BatchPiece(records, attempt, invokeCount + 1, result, requestId);
    }

    /** Some of these records (a half, a remainder) at the given attempt. */
    public BatchPiece narrowed(List<ConsumerRecord<byte[], byte[]>> subset, int nextAttempt) {
        return new BatchPiece(subset, nextAttempt, invokeCount, last, lastRequest);
    }

    /** This piece without the given records. */
    public BatchPiece without(List<ConsumerRecord<byte[], byte[]>> gone) {
        if (gone.isEmpty()) {
            return this;
        }
        Set<ConsumerRecord<byte[], byte[]>> drop = new HashSet<>(gone);
        List<ConsumerRecord<byte[], byte[]>> kept = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> r : records) {
            if (!drop.contains(r)) {
                kept.add(r);
            }
        }
        return new BatchPiece(kept, attempt, invokeCount, last, lastRequest);
    }
}
