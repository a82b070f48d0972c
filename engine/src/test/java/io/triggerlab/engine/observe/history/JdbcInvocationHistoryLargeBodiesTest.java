package io.triggerlab.engine.observe.history;

import io.triggerlab.engine.infra.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static io.triggerlab.engine.observe.history.InvocationOutcome.SUCCESS;
import static io.triggerlab.engine.observe.history.TestInvocations.eventJson;
import static io.triggerlab.engine.observe.history.TestInvocations.invocation;
import static io.triggerlab.engine.observe.history.TestInvocations.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

/** Bodies of a megabyte and more are stored by the history's background writer; reads see them as if stored at once. */
class JdbcInvocationHistoryLargeBodiesTest {

    private static final int LARGE = JdbcInvocationHistory.ASYNC_BODY_BYTES + 1000;

    private final Database database = TestDatabases.inMemory();

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void largeBody_isReadableRightAfterAppend_andCountsTowardsTheStoredBytes() {
        JdbcInvocationHistory history = new JdbcInvocationHistory(database.dataSource(), HistoryRetention.defaults(), BodyWriter.Budget.KEEP_ALL);
        byte[] payload = eventJson(LARGE, 1);

        InvocationRecord appended = history.append(invocation("m", "batch-1", 1, SUCCESS, payload));

        InvocationRecord stored = history.get(appended.id()).orElseThrow();
        assertThat(stored).isEqualTo(appended);
        assertThat(history.list(HistoryQuery.latest(10))).extracting(InvocationSummary::payloadKept).containsExactly(true);
        assertThat(history.stats().storedBytes()).isEqualTo(sumOfStoredBytes()).isBetween(1L, (long) LARGE);
    }

    @Test
    void largeBodies_keepTheOrderOfTheirAppends_withSmallOnesInBetween() {
        JdbcInvocationHistory history = new JdbcInvocationHistory(database.dataSource(), HistoryRetention.defaults(), BodyWriter.Budget.KEEP_ALL);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            byte[] payload = i % 2 == 0 ? eventJson(LARGE, i) : eventJson(500, i);
            ids.add(history.append(invocation("m", "batch-" + i, 1, SUCCESS, payload)).id());
        }

        assertThat(ids).isSorted();
        for (int i = 0; i < ids.size(); i++) {
            assertThat(history.get(ids.get(i)).orElseThrow().payload()).isEqualTo(i % 2 == 0 ? eventJson(LARGE, i) : eventJson(500, i));
        }
    }

    @Test
    void largeBodiesOfADeletedMapping_areDropped_andTheTotalsStayExact() {
        JdbcInvocationHistory history = new JdbcInvocationHistory(database.dataSource(), HistoryRetention.defaults(), BodyWriter.Budget.KEEP_ALL);
        for (int i = 0; i < 4; i++) {
            history.append(invocation("gone", "batch-" + i, 1, SUCCESS, eventJson(LARGE, i)));
        }

        assertThat(history.deleteMapping("gone")).isEqualTo(4);
        history.close();

        assertThat(countRows("invocation_body")).isZero();
        assertThat(history.stats()).isEqualTo(new HistoryStats(0, 0));
    }

    @Test
    void retentionCountsLargeBodies_andKeepsTheTotalsExact() {
        long maxBytes = 6L * LARGE; // room for about six of the ten
        JdbcInvocationHistory history = new JdbcInvocationHistory(database.dataSource(), new HistoryRetention(10_000, maxBytes), BodyWriter.Budget.KEEP_ALL);
        long newest = 0;
        for (int i = 0; i < 10; i++) {
            newest = history.append(invocation("m", "batch-" + i, 1, SUCCESS, randomBytes(LARGE, i))).id();
        }
        history.close();

        assertThat(history.stats().storedBytes()).isEqualTo(sumOfStoredBytes()).isLessThanOrEqualTo(maxBytes);
        assertThat(history.stats().records()).isEqualTo(history.count(null)).isLessThan(10);
        assertThat(history.get(newest).orElseThrow().payload()).isEqualTo(randomBytes(LARGE, 9));
    }

    @Test
    void closeStoresTheQueuedBodies_soTheySurviveARestart(@TempDir Path dir) {
        long id;
        try (Database db = TestDatabases.file(dir)) {
            JdbcInvocationHistory history = new JdbcInvocationHistory(db.dataSource(), HistoryRetention.defaults(), BodyWriter.Budget.KEEP_ALL);
            id = history.append(invocation("m", "batch-1", 1, SUCCESS, eventJson(LARGE, 5))).id();
            history.close();
        }
        try (Database db = TestDatabases.file(dir)) {
            JdbcInvocationHistory reopened = new JdbcInvocationHistory(db.dataSource(), HistoryRetention.defaults(), BodyWriter.Budget.KEEP_ALL);
            assertThat(reopened.get(id).orElseThrow().payload()).isEqualTo(eventJson(LARGE, 5));
        }
    }

    @Test
    void anInvocationWhoseBodiesWereNeverStored_readsWithoutThem() throws Exception {
        JdbcInvocationHistory history = new JdbcInvocationHistory(database.dataSource(), HistoryRetention.defaults(), BodyWriter.Budget.KEEP_ALL);
        long id = history.append(invocation("m", "batch-1", 1, SUCCESS, eventJson(LARGE, 2))).id();
        history.close();
        try (Connection c = database.dataSource().getConnection()) {
            c.createStatement().executeUpdate("DELETE FROM invocation_body WHERE invocation_id = " + id);
        }

        InvocationRecord read = history.get(id).orElseThrow();

        assertThat(read.payload()).isNull();
        assertThat(read.response()).isNull();
        assertThat(read.logs()).isEmpty();
        assertThat(read.payloadBytes()).isEqualTo(LARGE);
    }

    private long sumOfStoredBytes() {
        return single("SELECT COALESCE(SUM(stored_bytes), 0) FROM invocation");
    }

    private long countRows(String table) {
        return single("SELECT COUNT(*) FROM " + table);
    }

    private long single(String sql) {
        try (Connection c = database.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
