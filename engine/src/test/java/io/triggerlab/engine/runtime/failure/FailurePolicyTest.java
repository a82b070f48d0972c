package io.triggerlab.engine.runtime.failure;

import io.triggerlab.engine.runtime.destination.FailureCondition;
import io.triggerlab.engine.runtime.filter.RecordFilter;
import io.triggerlab.engine.invoke.InvocationResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FailurePolicyTest {

    private static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
    private static final InvocationResult OK = success("null");
    private static final InvocationResult ERROR = new InvocationResult.FunctionError("Unhandled",
            "{\"errorMessage\":\"boom\"}".getBytes(StandardCharsets.UTF_8), "", Duration.ZERO);
    private static final InvocationResult THROTTLED = new InvocationResult.Throttled("Rate exceeded", "", Duration.ZERO);

    private static InvocationResult success(String body) {
        return new InvocationResult.Success(body.getBytes(StandardCharsets.UTF_8), "$LATEST", "", Duration.ZERO);
    }

    private static ConsumerRecord<byte[], byte[]> record(int partition, long offset, long timestamp) {
        return new ConsumerRecord<>("t", partition, offset, timestamp, TimestampType.CREATE_TIME, -1, -1, null,
                ("v" + offset).getBytes(StandardCharsets.UTF_8), new RecordHeaders(), Optional.empty());
    }

    /** p0: 10..13, p1: 20..21, interleaved as a batch would be. */
    private static List<ConsumerRecord<byte[], byte[]>> batch() {
        return List.of(record(0, 10, 0), record(1, 20, 0), record(0, 11, 0), record(0, 12, 0), record(1, 21, 0),
                record(0, 13, 0));
    }

    private static FailurePolicy policy(int retries, boolean bisect, boolean partial, String destination) {
        return new FailurePolicy(BACKOFF, DeliveryRules.of(RecordFilter.NONE, retries, -1, bisect, partial, destination, null));
    }

    @Test
    void classicPolicy_retriesTheWholeBatchForever_withBackoff() {
        FailurePolicy classic = new FailurePolicy(BACKOFF);
        assertThat(classic.decide(batch(), ERROR, 1)).isEqualTo(new FailurePolicy.Decision.Retry(Duration.ofMillis(100)));
        assertThat(classic.decide(batch(), ERROR, 500)).isEqualTo(new FailurePolicy.Decision.Retry(Duration.ofSeconds(1)));
        assertThat(classic.decide(batch(), OK, 3)).isEqualTo(new FailurePolicy.Decision.Commit());
        assertThat(classic.decide(ERROR, 2)).isEqualTo(new FailurePolicy.Decision.Retry(Duration.ofMillis(200)));
    }

    @Test
    void givesUp_afterMaximumRetryAttemptsRetries() {
        FailurePolicy policy = policy(2, false, false, null);
        List<ConsumerRecord<byte[], byte[]>> batch = batch();
        assertThat(policy.decide(batch, ERROR, 1)).isInstanceOf(FailurePolicy.Decision.Retry.class);
        assertThat(policy.decide(batch, THROTTLED, 2)).isInstanceOf(FailurePolicy.Decision.Retry.class);
        assertThat(policy.decide(batch, ERROR, 3)).isEqualTo(
                new FailurePolicy.Decision.GiveUp(List.of(), batch, FailureCondition.RETRIES_EXHAUSTED));
    }

    @Test
    void zeroRetries_givesUpAfterTheFirstAttempt() {
        assertThat(policy(0, false, false, null).decide(batch(), ERROR, 1))
                .isInstanceOf(FailurePolicy.Decision.GiveUp.class);
    }

    @Test
    void infiniteRetriesWithADestination_becomeTen() {
        DeliveryRules rules = DeliveryRules.of(RecordFilter.NONE, -1, -1, false, false, "kafka://dlq", null);
        assertThat(rules.maximumRetryAttempts()).isEqualTo(10);
        FailurePolicy policy = new FailurePolicy(BACKOFF, rules);
        assertThat(policy.decide(batch(), ERROR, 10)).isInstanceOf(FailurePolicy.Decision.Retry.class);
        assertThat(policy.decide(batch(), ERROR, 11)).isInstanceOf(FailurePolicy.Decision.GiveUp.class);
        assertThat(DeliveryRules.of(RecordFilter.NONE, -1, -1, false, false, null, null).retriesForever()).isTrue();
    }

    @Test
    void bisects_onAFunctionErrorOrTimeout_withoutUsingARetry_butNotOnThrottling() {
        FailurePolicy policy = policy(0, true, false, null);
        List<ConsumerRecord<byte[], byte[]>> batch = batch();
        assertThat(policy.decide(batch, ERROR, 1)).isEqualTo(
                new FailurePolicy.Decision.Bisect(batch.subList(0, 3), batch.subList(3, 6)));
        InvocationResult timeout = new InvocationResult.TimedOut("Task timed out after 3.00 seconds", "", Duration.ZERO);
        assertThat(policy.decide(batch.subList(0, 3), timeout, 1)).isEqualTo(
                new FailurePolicy.Decision.Bisect(batch.subList(0, 2), batch.subList(2, 3)));
        assertThat(policy.decide(batch, THROTTLED, 1)).isInstanceOf(FailurePolicy.Decision.GiveUp.class);
        assertThat(policy.decide(batch.subList(0, 1), ERROR, 1)).isEqualTo(
                new FailurePolicy.Decision.GiveUp(List.of(), batch.subList(0, 1), FailureCondition.RETRIES_EXHAUSTED));
    }

    @Test
    void partialFailure_commitsWhatPrecedesTheFirstFailedRecordOfEachPartition_andRetriesTheRest() {
        FailurePolicy policy = policy(-1, false, true, null);
        InvocationResult report = success("{\"batchItemFailures\":[{\"itemIdentifier\":{\"partition\":\"t-0\",\"offset\":12}},"
                + "{\"itemIdentifier\":{\"partition\":\"t-0\",\"offset\":13}}]}");
        List<ConsumerRecord<byte[], byte[]>> batch = batch();
        FailurePolicy.Decision decision = policy.decide(batch, report, 1);
        assertThat(decision).isEqualTo(new FailurePolicy.Decision.RetryPart(
                List.of(batch.get(0), batch.get(1), batch.get(2), batch.get(4)), List.of(batch.get(3), batch.get(5)),
                Duration.ofMillis(100)));
    }

    @Test
    void partialFailure_givesUpTheFailedRecords_whenRetriesAreUsedUp() {
        FailurePolicy policy = policy(1, true, true, null);
        InvocationResult report = success("{\"batchItemFailures\":[{\"itemIdentifier\":{\"partition\":\"t-1\",\"offset\":\"20\"}}]}");
        List<ConsumerRecord<byte[], byte[]>> batch = batch();
        assertThat(policy.decide(batch, report, 2)).isEqualTo(new FailurePolicy.Decision.GiveUp(
                List.of(batch.get(0), batch.get(2), batch.get(3), batch.get(5)), List.of(batch.get(1), batch.get(4)),
                FailureCondition.RETRIES_EXHAUSTED));
    }

    @Test
    void partialResponse_thatIsEmptyOrNull_isASuccess() {
        FailurePolicy policy = policy(-1, false, true, null);
        for (String body : List.of("", "null", "{}", "{\"batchItemFailures\":[]}", "{\"batchItemFailures\":null}")) {
            assertThat(policy.decide(batch(), success(body), 1)).as(body).isEqualTo(new FailurePolicy.Decision.Commit());
        }
    }

    @Test
    void partialResponse_namingARecordNotInTheBatch_orOfAnotherShape_failsTheWholeBatch() {
        FailurePolicy policy = policy(-1, false, true, null);
        for (String body : List.of("{\"batchItemFailures\":[{\"itemIdentifier\":{\"partition\":\"t-0\",\"offset\":99}}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":{\"partition\":\"t-0\"}}]}",
                "{\"batchItemFailures\":\"t-0\"}",
                // docs/aws-reading.md: a response that cannot say which records failed fails the whole batch.
                "\"done\"", "not json", "[1]", "42",
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"t-0@12\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":{\"partition\":0,\"offset\":12}}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":{\"partition\":\"t-0\",\"offset\":12.5}}]}")) {
            assertThat(policy.decide(batch(), success(body), 1)).as(body)
                    .isEqualTo(new FailurePolicy.Decision.Retry(Duration.ofMillis(100)));
        }
    }

    @Test
    void ignoresBatchItemFailures_unlessTheMappingReportsThem() {
        InvocationResult report = success("{\"batchItemFailures\":[{\"itemIdentifier\":{\"partition\":\"t-0\",\"offset\":10}}]}");
        assertThat(policy(-1, false, false, null).decide(batch(), report, 1)).isEqualTo(new FailurePolicy.Decision.Commit());
    }

    @Test
    void tooOld_picksRecordsOlderThanTheMaximumRecordAge() {
        Instant now = Instant.parse("2026-01-01T00:10:00Z");
        long old = now.minusSeconds(61).toEpochMilli();
        long fresh = now.minusSeconds(59).toEpochMilli();
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(List.of(record(0, 1, old), record(0, 2, fresh),
                record(1, 5, old)));
        FailurePolicy policy = new FailurePolicy(BACKOFF, DeliveryRules.of(RecordFilter.NONE, -1, 60, false, false, null, null));
        assertThat(policy.tooOld(records, now)).containsExactly(records.get(0), records.get(2));
        assertThat(policy(-1, false, false, null).tooOld(records, now)).isEmpty();
    }
}
