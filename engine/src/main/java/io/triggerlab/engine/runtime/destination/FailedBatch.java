package io.triggerlab.engine.runtime.destination;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Records the poller gives up on, with what AWS puts in the failure record's {@code requestContext} and
 * {@code responseContext}.
 *
 * @param records                 in batch order, each partition's in offset order; never empty
 * @param condition               why they are given up
 * @param requestId               the last invocation's request id (a fresh one when they were never sent)
 * @param approximateInvokeCount  how many times these records were sent to the function (0 when never)
 * @param response                the last invocation's response, or {@code null} (never invoked, or too large)
 * @param at                      when they were given up: the record's {@code timestamp}
 */
public record FailedBatch(List<ConsumerRecord<byte[], byte[]>> records, FailureCondition condition, String requestId,
                          int approximateInvokeCount, ResponseContext response, Instant at) {

    public FailedBatch {
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("A failed batch holds at least one record");
        }
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(at, "at");
    }

    /**
     * {@code responseContext}: {@code statusCode} of the Invoke call, {@code executedVersion}, and
     * {@code functionError} ({@code Unhandled} …, or {@code null} when the function did not raise one).
     */
    public record ResponseContext(int statusCode, String executedVersion, String functionError) {
    }
}
