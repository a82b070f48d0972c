package io.triggerlab.engine.observe.history;

import io.triggerlab.engine.infra.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.triggerlab.engine.observe.history.InvocationOutcome.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

/** Appends come from several poller threads at once. */
class JdbcInvocationHistoryConcurrencyTest {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 300;

    private final Database database = TestDatabases.inMemory();
    private final ExecutorService pollers = Executors.newFixedThreadPool(THREADS, r -> new Thread(r, "test-poller"));

    @AfterEach
    void close() throws InterruptedException {
        pollers.shutdownNow();
        assertThat(pollers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        database.close();
    }

    private List<Long> appendFromAllThreads(InvocationHistory history) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String mapping = "mapping-" + t;
            Callable<List<Long>> poller = () -> {
                start.await();
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < PER_THREAD; i++) {
                    byte[] payload = i % 10 == 0 ? TestInvocations.eventJson(20_000, i) : TestInvocations.eventJson(300, i);
                    ids.add(history.append(TestInvocations.invocation(mapping, "b-" + i, 1, SUCCESS, payload)).id());
                }
                return ids;
            };
            results.add(pollers.submit(poller));
        }
        start.countDown();
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get(2, TimeUnit.MINUTES));
        }
        return all;
    }

    @Test
    void concurrentAppends_getUniqueIds_andAreAllCounted() throws Exception {
        JdbcInvocationHistory history = new JdbcInvocationHistory(database.dataSource(), HistoryRetention.defaults(), BodyWriter.Budget.KEEP_ALL);

        List<Long> ids = appendFromAllThreads(history);

        Set<Long> unique = new HashSet<>(ids);
        assertThat(unique).hasSize(THREADS * PER_THREAD);
        assertThat(history.count(null)).isEqualTo(THREADS * PER_THREAD);
        assertThat(history.stats().records()).isEqualTo(THREADS * PER_THREAD);
        for (int t = 0; t < THREADS; t++) {
            assertThat(history.count("mapping-" + t)).isEqualTo(PER_THREAD);
        }
        assertThat(history.list(HistoryQuery.latest(1000))).extracting(InvocationSummary::id).isSortedAccordingTo(
                (a, b) -> Long.compare(b, a)).allMatch(unique::contains);
    }

    @Test
    void concurrentAppends_whilePruning_keepTheTotalsExact() throws Exception {
        JdbcInvocationHistory history = new JdbcInvocationHistory(database.dataSource(), new HistoryRetention(250, 400_000), BodyWriter.Budget.KEEP_ALL);

        appendFromAllThreads(history);

        long rows = history.count(null);
        assertThat(rows).isBetween(1L, 250L);
        assertThat(history.stats().records()).isEqualTo(rows);
        try (var c = database.dataSource().getConnection();
             var rs = c.createStatement().executeQuery("SELECT SUM(stored_bytes) FROM invocation")) {
            rs.next();
            assertThat(history.stats().storedBytes()).isEqualTo(rs.getLong(1)).isLessThanOrEqualTo(400_000);
        }
    }
}
