package io.triggerlab.engine.observe.history;

import io.triggerlab.engine.infra.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.triggerlab.engine.observe.history.InvocationOutcome.SUCCESS;
import static io.triggerlab.engine.observe.history.TestInvocations.invocation;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcInvocationHistoryRetentionTest {

    private final Database database = TestDatabases.inMemory();

    @AfterEach
    void close() {
        database.close();
    }

    private List<Long> appendSmall(InvocationHistory history, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(history.append(invocation("m", SUCCESS)).id());
        }
        return ids;
    }

    @Test
    void keepsAtMostMaxRecords_andTheNewestOnes() {
        JdbcInvocationHistory history = new JdbcInvocationHistory(database.dataSource(), new HistoryRetention(100, Long.MAX_VALUE), BodyWriter.Budget.KEEP_ALL);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 350; i++) {
            ids.addAll(appendSmall(history, 1));
            assertThat(history.count(null)).isLessThanOrEqualTo(100);
        }

        long kept = history.count(null);
        assertThat(kept).isBetween(90L, 100L);
        assertThat(history.stats().records()).isEqualTo(kept);
        assertThat(history.list(HistoryQuery.latest(1000))).extracting(InvocationSummary::id)
                .containsExactlyElementsOf(newestFirst(ids, kept));
    }

    @Test
    void keepsAtMostMaxBytes_ofStoredBodies_andTheNewestOnes() {
        long maxBytes = 1024 * 1024;
        JdbcInvocationHistory history = new JdbcInvocationHistory(database.dataSource(), new HistoryRetention(10_000, maxBytes), BodyWriter.Budget.KEEP_ALL);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] payload = TestInvocations.randomBytes(64 * 1024, i); // incompressible: stored as it is
            ids.add(history.append(invocation("m", "batch-" + i, 1, SUCCESS, payload)).id());
            assertThat(history.stats().storedBytes()).isLessThanOrEqualTo(maxBytes);
        }

        HistoryStats stats = history.stats();
        assertThat(stats.storedBytes()).isBetween((long) (maxBytes * HistoryRetention.PRUNE_TO_FRACTION) - 70_000, maxBytes);
        assertThat(stats.storedBytes()).isEqualTo(storedBytesInDatabase());
        assertThat(stats.records()).isEqualTo(history.count(null)).isLessThan(40);
        assertThat(history.list(HistoryQuery.latest(1000))).extracting(InvocationSummary::id)
                .containsExactlyElementsOf(newestFirst(ids, stats.records()));
        assertThat(history.get(ids.get(ids.size() - 1)).orElseThrow().payload()).hasSize(64 * 1024);
    }

    @Test
    void prunesAtOnce_whenReopenedWithASmallerRetention(@TempDir Path dir) {
        try (Database db = TestDatabases.file(dir)) {
            appendSmall(new JdbcInvocationHistory(db.dataSource(), HistoryRetention.defaults(), BodyWriter.Budget.KEEP_ALL), 500);
        }
        try (Database db = TestDatabases.file(dir)) {
            JdbcInvocationHistory history = new JdbcInvocationHistory(db.dataSource(), new HistoryRetention(200, Long.MAX_VALUE), BodyWriter.Budget.KEEP_ALL);
            assertThat(history.count(null)).isEqualTo(180);
            assertThat(history.stats().records()).isEqualTo(180);
        }
    }

    @Test
    void neverRemovesTheNewestInvocation_evenWhenItAloneIsOverMaxBytes() {
        JdbcInvocationHistory history = new JdbcInvocationHistory(database.dataSource(), new HistoryRetention(100, 10_000), BodyWriter.Budget.KEEP_ALL);
        appendSmall(history, 3);
        long big = history.append(invocation("m", "big", 1, SUCCESS, TestInvocations.randomBytes(50_000, 7))).id();

        assertThat(history.list(HistoryQuery.latest(10))).extracting(InvocationSummary::id).containsExactly(big);
        assertThat(history.get(big)).isPresent();
    }

    @Test
    void removesBodiesWithTheirInvocations() {
        JdbcInvocationHistory history = new JdbcInvocationHistory(database.dataSource(), new HistoryRetention(10, Long.MAX_VALUE), BodyWriter.Budget.KEEP_ALL);
        appendSmall(history, 25);

        assertThat(countRows("invocation_body")).isEqualTo(countRows("invocation")).isEqualTo(history.count(null));
    }

    /** The last {@code n} of the appended ids, newest first. */
    private static List<Long> newestFirst(List<Long> appended, long n) {
        List<Long> newest = new ArrayList<>(appended.subList(appended.size() - (int) n, appended.size()));
        java.util.Collections.reverse(newest);
        return newest;
    }

    private long storedBytesInDatabase() {
        return querySingleLong("SELECT COALESCE(SUM(stored_bytes), 0) FROM invocation");
    }

    private long countRows(String table) {
        return querySingleLong("SELECT COUNT(*) FROM " + table);
    }

    private long querySingleLong(String sql) {
        try (var c = database.dataSource().getConnection(); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
