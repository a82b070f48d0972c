package io.triggerlab.engine.observe.history;

import io.triggerlab.engine.infra.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.triggerlab.engine.observe.history.InvocationOutcome.FUNCTION_ERROR;
import static io.triggerlab.engine.observe.history.InvocationOutcome.SUCCESS;
import static io.triggerlab.engine.observe.history.InvocationOutcome.TIMED_OUT;
import static io.triggerlab.engine.observe.history.TestInvocations.invocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcInvocationHistoryTest {

    private Database database;
    private JdbcInvocationHistory history;

    @BeforeEach
    void openDatabase() {
        database = TestDatabases.inMemory();
        history = new JdbcInvocationHistory(database.dataSource(), HistoryRetention.defaults());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private static InvocationRecord everyFieldSet() {
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28, 0, (byte) 0xFF, (byte) 0xFE, '{', '}'};
        return new InvocationRecord(0, "3f2b9c0e-1111-4222-8333-944455556666", "batch-7", 2, "req-abc",
                Instant.parse("2025-03-01T10:15:30.123456789Z"), Duration.ofNanos(3_000_123_456L), TIMED_OUT,
                List.of(new PartitionRange("orders", 0, 100, 104, 4), new PartitionRange("orders.dlq", 3, 7, 7, 1)),
                5, notUtf8.length, notUtf8, "{\"errorMessage\":\"boom\"}".getBytes(StandardCharsets.UTF_8),
                "Task timed out after 3.00 seconds", "START RequestId: req-abc\nünïcödé ✓\nEND\n");
    }

    @Test
    void roundTripsEveryField_includingNonUtf8PayloadBytes() {
        InvocationRecord sent = everyFieldSet();

        InvocationRecord stored = history.append(sent);

        assertThat(stored.id()).isPositive();
        assertThat(stored).isEqualTo(sent.withId(stored.id()));
        InvocationRecord read = history.get(stored.id()).orElseThrow();
        assertThat(read).isEqualTo(stored);
        assertThat(read.payload()).containsExactly(sent.payload());
        assertThat(read.startedAt()).isEqualTo(Instant.parse("2025-03-01T10:15:30.123456789Z"));
        assertThat(read.summary()).isEqualTo(history.list(HistoryQuery.latest(1)).get(0));
    }

    @Test
    void roundTripsNullBodiesAndEmptyLogs() {
        InvocationRecord sent = new InvocationRecord(0, "m", "b", 1, "r", Instant.EPOCH, Duration.ZERO,
                InvocationOutcome.MAXIMUM_PAYLOAD_SIZE_EXCEEDED, List.of(new PartitionRange("big", 0, 9, 9, 1)), 1,
                7_000_000, null, null, null, "");

        InvocationRecord read = history.get(history.append(sent).id()).orElseThrow();

        assertThat(read.payload()).isNull();
        assertThat(read.response()).isNull();
        assertThat(read.logs()).isEmpty();
        assertThat(read.payloadBytes()).isEqualTo(7_000_000);
        assertThat(history.attemptsOf("b")).singleElement()
                .satisfies(s -> assertThat(s.payloadKept()).isFalse())
                .satisfies(s -> assertThat(s.hasResponse()).isFalse());
    }

    @Test
    void compressesA2MbPayload_andReturnsItExactly() throws Exception {
        byte[] payload = TestInvocations.eventJson(2 * 1024 * 1024, 11);
        String logs = "line of log output\n".repeat(1000);
        InvocationRecord sent = new InvocationRecord(0, "m", "b", 1, "r", Instant.EPOCH, Duration.ofMillis(5),
                SUCCESS, List.of(new PartitionRange("orders", 0, 0, 3000, 3001)), 3001, payload.length, payload,
                payload, null, logs);

        long id = history.append(sent).id();

        assertThat(history.get(id).orElseThrow()).isEqualTo(sent.withId(id));
        try (Connection c = database.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT payload_gzip, response_gzip, logs_gzip, "
                     + "OCTET_LENGTH(payload), stored_bytes FROM invocation JOIN invocation_body ON invocation_id = id "
                     + "WHERE id = " + id)) {
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
            assertThat(rs.getBoolean(2)).isTrue();
            assertThat(rs.getBoolean(3)).isTrue();
            assertThat(rs.getLong(4)).isLessThan(payload.length * 9L / 10);
            assertThat(rs.getLong(5)).isEqualTo(history.stats().storedBytes());
        }
    }

    @Test
    void keepsA6MbIncompressiblePayload_asItIs() {
        byte[] payload = TestInvocations.randomBytes(6 * 1024 * 1024, 12);
        InvocationRecord sent = new InvocationRecord(0, "m", "b", 1, "r", Instant.EPOCH, Duration.ofMillis(5),
                InvocationOutcome.PAYLOAD_TOO_LARGE, List.of(new PartitionRange("orders", 0, 0, 0, 1)), 1,
                payload.length, payload, null, "Request must be smaller than 6291456 bytes", "");

        long id = history.append(sent).id();

        assertThat(history.get(id).orElseThrow().payload()).isEqualTo(payload);
        assertThat(history.stats().storedBytes()).isEqualTo(payload.length);
    }

    @Test
    void pagesThrough2500Rows_newestFirst_withoutDuplicatesOrGaps_whileNewRowsArrive() {
        List<Long> appended = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            appended.add(history.append(invocation(i % 2 == 0 ? "even" : "odd", SUCCESS)).id());
        }

        List<Long> seen = new ArrayList<>();
        HistoryQuery page = HistoryQuery.latest(300);
        List<InvocationSummary> rows = history.list(page);
        while (!rows.isEmpty()) {
            rows.forEach(r -> seen.add(r.id()));
            history.append(invocation("even", SUCCESS)); // arrives mid-paging; must not shift later pages
            rows = history.list(page.before(rows.get(rows.size() - 1).id()));
        }

        List<Long> newestFirst = new ArrayList<>(appended);
        newestFirst.sort((a, b) -> Long.compare(b, a));
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void pagesOneMapping_only() {
        for (int i = 0; i < 250; i++) {
            history.append(invocation(i % 5 == 0 ? "mine" : "other", SUCCESS));
        }
        Set<Long> ids = new HashSet<>();
        long lastId = Long.MAX_VALUE;
        HistoryQuery query = HistoryQuery.ofMapping("mine", 7);
        for (List<InvocationSummary> rows = history.list(query); !rows.isEmpty();
             rows = history.list(query.before(rows.get(rows.size() - 1).id()))) {
            for (InvocationSummary row : rows) {
                assertThat(row.mappingUuid()).isEqualTo("mine");
                assertThat(row.id()).isLessThan(lastId);
                lastId = row.id();
                ids.add(row.id());
            }
        }
        assertThat(ids).hasSize(50);
        assertThat(history.count("mine")).isEqualTo(50);
        assertThat(history.count(null)).isEqualTo(250);
    }

    @Test
    void filtersByOutcome_forOneMappingOrAll() {
        history.append(invocation("a", SUCCESS));
        long aError = history.append(invocation("a", FUNCTION_ERROR)).id();
        long aTimeout = history.append(invocation("a", TIMED_OUT)).id();
        long bError = history.append(invocation("b", FUNCTION_ERROR)).id();

        assertThat(history.list(HistoryQuery.ofMapping("a", 10).withOutcome(FUNCTION_ERROR)))
                .extracting(InvocationSummary::id).containsExactly(aError);
        assertThat(history.list(HistoryQuery.latest(10).withOutcome(FUNCTION_ERROR)))
                .extracting(InvocationSummary::id).containsExactly(bError, aError);
        assertThat(history.list(HistoryQuery.ofMapping("a", 10).withOutcomes(InvocationOutcome.failures())))
                .extracting(InvocationSummary::id).containsExactly(aTimeout, aError);
    }

    @Test
    void listsEveryAttemptOfABatch_firstAttemptFirst() {
        byte[] event = TestInvocations.eventJson(500, 3);
        history.append(invocation("m", "batch-1", 1, FUNCTION_ERROR, event));
        history.append(invocation("m", "batch-2", 1, SUCCESS, event));
        history.append(invocation("m", "batch-1", 2, TIMED_OUT, event));
        history.append(invocation("m", "batch-1", 3, SUCCESS, event));

        assertThat(history.attemptsOf("batch-1"))
                .extracting(InvocationSummary::attempt, InvocationSummary::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, FUNCTION_ERROR),
                        org.assertj.core.groups.Tuple.tuple(2, TIMED_OUT),
                        org.assertj.core.groups.Tuple.tuple(3, SUCCESS));
        assertThat(history.list(HistoryQuery.latest(10).withBatchId("batch-1"))).extracting(InvocationSummary::attempt)
                .containsExactly(3, 2, 1);
        assertThat(history.attemptsOf("no-such-batch")).isEmpty();
    }

    @Test
    void deletesOneMappingsHistory_andAdjustsTheTotals() {
        for (int i = 0; i < 10; i++) {
            history.append(invocation(i < 4 ? "gone" : "kept", SUCCESS));
        }
        long keptBytes = history.list(HistoryQuery.ofMapping("kept", 100)).stream()
                .mapToLong(s -> history.get(s.id()).map(JdbcInvocationHistoryTest::storedSize).orElseThrow()).sum();

        assertThat(history.deleteMapping("gone")).isEqualTo(4);

        assertThat(history.count("gone")).isZero();
        assertThat(history.count("kept")).isEqualTo(6);
        assertThat(history.stats()).isEqualTo(new HistoryStats(6, keptBytes));
    }

    @Test
    void getOfAnUnknownId_isEmpty() {
        assertThat(history.get(12345)).isEmpty();
    }

    @Test
    void appendRejectsAnInvocationThatAlreadyHasAnId() {
        InvocationRecord stored = history.append(invocation("m", SUCCESS));
        assertThatThrownBy(() -> history.append(stored))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("append takes a new invocation (id 0), but got id " + stored.id());
    }

    @Test
    void survivesARestart_onAFileDatabase(@TempDir Path dir) {
        InvocationRecord stored;
        HistoryStats before;
        try (Database db = TestDatabases.file(dir)) {
            JdbcInvocationHistory first = new JdbcInvocationHistory(db.dataSource(), HistoryRetention.defaults());
            first.append(invocation("m", SUCCESS));
            stored = first.append(everyFieldSet());
            before = first.stats();
        }

        try (Database db = TestDatabases.file(dir)) {
            JdbcInvocationHistory reopened = new JdbcInvocationHistory(db.dataSource(), HistoryRetention.defaults());
            assertThat(reopened.get(stored.id())).contains(stored);
            assertThat(reopened.stats()).isEqualTo(before);
            assertThat(reopened.append(invocation("m", SUCCESS)).id()).isGreaterThan(stored.id());
        }
    }

    /** Small bodies (all under the compression threshold) are stored as they are. */
    private static long storedSize(InvocationRecord r) {
        return (r.payload() == null ? 0 : r.payload().length) + (r.response() == null ? 0 : r.response().length)
                + r.logs().getBytes(StandardCharsets.UTF_8).length;
    }
}
