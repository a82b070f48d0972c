package io.triggerlab.engine.observe.history;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.triggerlab.engine.observe.history.InvocationOutcome.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvocationRecordTest {

    private static final List<PartitionRange> RANGES = List.of(new PartitionRange("orders", 0, 5, 9, 5),
            new PartitionRange("orders", 1, 20, 20, 1));

    private static InvocationRecord withPayload(byte[] payload, long payloadBytes, int recordCount) {
        return new InvocationRecord(0, "m-1", "b-1", 1, "r-1", Instant.EPOCH, Duration.ofMillis(3), SUCCESS, RANGES,
                recordCount, payloadBytes, payload, null, null, "");
    }

    @Test
    void copiesArraysInAndOut_soTheRecordStaysImmutable() {
        byte[] payload = {1, 2, 3};
        InvocationRecord record = withPayload(payload, 3, 6);
        payload[0] = 99;
        record.payload()[1] = 99;

        assertThat(record.payload()).containsExactly(1, 2, 3);
    }

    @Test
    void equalsComparesBodyContents_notArrayIdentity() {
        assertThat(withPayload(new byte[] {1, 2}, 2, 6)).isEqualTo(withPayload(new byte[] {1, 2}, 2, 6))
                .hasSameHashCodeAs(withPayload(new byte[] {1, 2}, 2, 6))
                .isNotEqualTo(withPayload(new byte[] {1, 3}, 2, 6));
    }

    @Test
    void rejectsRecordCount_thatDiffersFromItsPartitions() {
        assertThatThrownBy(() -> withPayload(null, 10, 7))
                .hasMessage("Invocation recordCount 7 does not match its partitions, which hold 6 records");
    }

    @Test
    void rejectsPayloadBytes_thatDifferFromTheKeptPayload() {
        assertThatThrownBy(() -> withPayload(new byte[4], 10, 6))
                .hasMessageContaining("payloadBytes 10 differs from the kept payload's 4 bytes");
    }

    @Test
    void acceptsAMissingPayload_whenOnlyItsSizeIsKept() {
        assertThat(withPayload(null, 6_000_000, 6).summary().payloadKept()).isFalse();
    }

    @Test
    void rejectsAttemptZero_andBlankIds() {
        assertThatThrownBy(() -> new InvocationRecord(0, "m", "b", 0, "r", Instant.EPOCH, Duration.ZERO, SUCCESS,
                List.of(), 0, 0, null, null, null, ""))
                .hasMessage("Invocation attempt 0 is out of range: attempts count from 1");
        assertThatThrownBy(() -> new InvocationRecord(0, " ", "b", 1, "r", Instant.EPOCH, Duration.ZERO, SUCCESS,
                List.of(), 0, 0, null, null, null, ""))
                .hasMessage("Invocation mappingUuid is blank");
    }

    @Test
    void rejectsIdsLongerThanTheirColumns() {
        assertThatThrownBy(() -> new InvocationRecord(0, "m", "b".repeat(129), 1, "r", Instant.EPOCH, Duration.ZERO,
                SUCCESS, List.of(), 0, 0, null, null, null, ""))
                .hasMessage("Invocation batchId is 129 characters long: must be at most 128");
    }

    @Test
    void rejectsNullLogs_withAHint() {
        assertThatThrownBy(() -> new InvocationRecord(0, "m", "b", 1, "r", Instant.EPOCH, Duration.ZERO, SUCCESS,
                List.of(), 0, 0, null, null, null, null))
                .hasMessageContaining("use \"\" when the function logged nothing");
    }

    @Test
    void partitionRangeRejectsMoreRecordsThanOffsets() {
        assertThatThrownBy(() -> new PartitionRange("orders", 2, 10, 11, 3))
                .hasMessage("PartitionRange orders-2 recordCount 3 is out of range: must be 1..2 for offsets 10..11");
    }

    @Test
    void toStringShowsBodySizes_notBodies() {
        assertThat(withPayload("secret-value".getBytes(), 12, 6).toString())
                .contains("payload=12 bytes").doesNotContain("secret-value");
    }

    @Test
    void historyQueryRejectsLimitOutOfRange() {
        assertThatThrownBy(() -> HistoryQuery.latest(1001))
                .hasMessage("History query limit 1001 is out of range: must be 1..1000");
        assertThatThrownBy(() -> HistoryQuery.latest(0)).hasMessageContaining("must be 1..1000");
    }

    @Test
    void historyRetentionPrunesToNinetyPercent() {
        HistoryRetention retention = new HistoryRetention(10_000, 1000);
        assertThat(retention.pruneToRecords()).isEqualTo(9_000);
        assertThat(retention.pruneToBytes()).isEqualTo(900);
        assertThatThrownBy(() -> new HistoryRetention(0, 1)).hasMessageContaining("maxRecords 0 is out of range");
    }

    @Test
    void outcomeOfInvokerResults() {
        assertThat(InvocationOutcome.of(new io.triggerlab.engine.invoke.InvocationResult.TimedOut(
                "Task timed out after 3.00 seconds", "", Duration.ofSeconds(3)))).isEqualTo(InvocationOutcome.TIMED_OUT);
        assertThat(InvocationOutcome.failures()).hasSize(InvocationOutcome.values().length - 1).doesNotContain(SUCCESS);
    }
}
