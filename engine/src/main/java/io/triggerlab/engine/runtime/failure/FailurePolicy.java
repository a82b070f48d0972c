package io.triggerlab.engine.runtime.failure;

import io.triggerlab.engine.runtime.destination.FailureCondition;
import io.triggerlab.engine.invoke.InvocationResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides what happens to a batch after an attempt. Pure: the same inputs always give the same decision.
 *
 * <p>Classic (on-demand) Lambda behaviour, {@link DeliveryRules#CLASSIC}: every failure retries the whole batch,
 * until it succeeds or its records expire. With the provisioned-mode error controls (docs/aws-behaviour.md#retries):
 * <ul>
 *   <li>{@code ReportBatchItemFailures}: a success naming failed records commits what precedes the first failed
 *       record of each partition and retries from there (Kinesis-style resume point); an identifier not in the batch
 *       fails the whole batch.</li>
 *   <li>{@code BisectBatchOnFunctionError}: a function error or timeout on more than one record splits the records in
 *       two halves, retried in order, first half first. Splitting does not use up a retry.</li>
 *   <li>{@code MaximumRetryAttempts}: after that many retries of the same records, they are given up
 *       ({@code RetryAttemptsExhausted}): sent to the on-failure destination, or dropped.</li>
 *   <li>{@code MaximumRecordAgeInSeconds}: {@link #tooOld} picks the records not to send any more.</li>
 * </ul>
 */
public final class FailurePolicy {

    /** What to do next with the records just attempted. */
    public sealed interface Decision {
        /** The function succeeded: commit the batch's offsets. */
        record Commit() implements Decision {
        }

        /** Keep the partitions blocked and try the same batch again after the wait. */
        record Retry(Duration after) implements Decision {
        }

        /** Partial failure: {@code done} succeeded (commit them); {@code retry} goes again after the wait. */
        record RetryPart(List<ConsumerRecord<byte[], byte[]>> done, List<ConsumerRecord<byte[], byte[]>> retry,
                         Duration after) implements Decision {
        }

        /** Split: attempt {@code first} until it is settled, then {@code second}; no wait, no retry used. */
        record Bisect(List<ConsumerRecord<byte[], byte[]>> first, List<ConsumerRecord<byte[], byte[]>> second)
                implements Decision {
        }

        /** Retries are used up: commit {@code done}, give up {@code failed} (destination or drop). */
        record GiveUp(List<ConsumerRecord<byte[], byte[]>> done, List<ConsumerRecord<byte[], byte[]>> failed,
                      FailureCondition condition) implements Decision {
        }
    }

    private final RetryBackoff backoff;
    private final DeliveryRules rules;

    public FailurePolicy(RetryBackoff backoff) {
        this(backoff, DeliveryRules.CLASSIC);
    }

    public FailurePolicy(RetryBackoff backoff, DeliveryRules rules) {
        this.backoff = backoff;
        this.rules = rules;
    }

    /** The classic decision for a whole batch: commit on success, otherwise retry. */
    public Decision decide(InvocationResult result, int attempt) {
        if (result instanceof InvocationResult.Success) {
            return new Decision.Commit();
        }
        // Function errors, timeouts, throttling, 413s and unreachable targets all block the partition alike.
        return new Decision.Retry(backoff.after(attempt));
    }

    /**
     * The decision for {@code records} after their {@code attempt}-th attempt (1-based; attempts before a split
     * count for both halves, so the halves of a first attempt start at attempt 1 again).
     */
    public Decision decide(List<ConsumerRecord<byte[], byte[]>> records, InvocationResult result, int attempt) {
        boolean bisectable;
        if (result instanceof InvocationResult.Success success) {
            if (!rules.reportBatchItemFailures()) {
                return new Decision.Commit();
            }
            BatchItemFailures.Report report = BatchItemFailures.read(success.payload(), records);
            if (report instanceof BatchItemFailures.Report.AllSucceeded) {
                return new Decision.Commit();
            }
            if (report instanceof BatchItemFailures.Report.SomeFailed some) {
                return partial(records, some.failed(), attempt);
            }
            bisectable = true; // an unusable report fails the whole batch, like a function error
        } else {
            bisectable = result instanceof InvocationResult.FunctionError || result instanceof InvocationResult.TimedOut;
        }
        if (bisectable && rules.bisectBatchOnFunctionError() && records.size() > 1) {
            int half = (records.size() + 1) / 2;
            return new Decision.Bisect(List.copyOf(records.subList(0, half)),
                    List.copyOf(records.subList(half, records.size())));
        }
        if (retriesLeft(attempt)) {
            return new Decision.Retry(backoff.after(attempt));
        }
        return new Decision.GiveUp(List.of(), List.copyOf(records), FailureCondition.RETRIES_EXHAUSTED);
    }

    /** Records older than {@code MaximumRecordAgeInSeconds} at {@code now}, in order; empty without an age limit. */
    public List<ConsumerRecord<byte[], byte[]>> tooOld(List<ConsumerRecord<byte[], byte[]>> records, Instant now) {
        if (rules.maximumRecordAge() == null) {
            return List.of();
        }
        long oldest = now.minus(rules.maximumRecordAge()).toEpochMilli();
        List<ConsumerRecord<byte[], byte[]>> old = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            if (r.timestamp() >= 0 && r.timestamp() < oldest) {
                old.add(r);
            }
        }
        return old;
    }

    private boolean retriesLeft(int attempt) {
        return rules.retriesForever() || attempt - 1 < rules.maximumRetryAttempts();
    }

    /** Each partition resumes at its lowest failed offset: that record and everything after it go again. */
    private Decision partial(List<ConsumerRecord<byte[], byte[]>> records, List<ConsumerRecord<byte[], byte[]>> failed,
                             int attempt) {
        Map<String, Long> resumeAt = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : failed) {
            resumeAt.merge(r.topic() + "-" + r.partition(), r.offset(), Math::min);
        }
        List<ConsumerRecord<byte[], byte[]>> done = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> retry = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            Long from = resumeAt.get(r.topic() + "-" + r.partition());
            (from != null && r.offset() >= from ? retry : done).add(r);
        }
        if (retriesLeft(attempt)) {
            return new Decision.RetryPart(done, retry, backoff.after(attempt));
        }
        return new Decision.GiveUp(done, retry, FailureCondition.RETRIES_EXHAUSTED);
    }
}
