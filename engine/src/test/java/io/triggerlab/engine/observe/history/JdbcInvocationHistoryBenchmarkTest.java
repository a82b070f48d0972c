package io.triggerlab.engine.observe.history;

import io.triggerlab.engine.infra.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints how many appends per second the history takes on a file database, for event sizes at both ends of what a
 * poller sends. Prints, never asserts a time: the machine is shared.
 */
class JdbcInvocationHistoryBenchmarkTest {

    @Test
    void printsAppendRate_for1KbAnd1MbPayloads(@TempDir Path dir) {
        try (Database db = TestDatabases.file(dir)) {
            JdbcInvocationHistory history = new JdbcInvocationHistory(db.dataSource(), HistoryRetention.defaults(), BodyWriter.Budget.KEEP_ALL);
            measure(history, "1 KB", TestInvocations.eventJson(1024, 1), 1000, 3000);
            measure(history, "1 MB", TestInvocations.eventJson(1024 * 1024, 2), 10, 40);
            measureList(history);
            assertThat(history.count(null)).isEqualTo(4050);
        }
    }

    private static void measure(JdbcInvocationHistory history, String label, byte[] payload, int warmup, int measured) {
        for (int i = 0; i < warmup; i++) {
            history.append(invocation(payload));
        }
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            history.append(invocation(payload));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("history benchmark: %s payload: %d appends in %.2f s = %.0f appends/s (%.2f ms each)%n",
                label, measured, seconds, measured / seconds, seconds * 1000 / measured);
    }

    private static void measureList(JdbcInvocationHistory history) {
        for (int i = 0; i < 20; i++) {
            history.list(HistoryQuery.latest(1000));
        }
        int rounds = 20;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            assertThat(history.list(HistoryQuery.latest(1000))).hasSize(1000);
        }
        System.out.printf("history benchmark: list of 1000 summaries: %.1f ms each%n",
                (System.nanoTime() - start) / 1e6 / rounds);
    }

    private static InvocationRecord invocation(byte[] payload) {
        return new InvocationRecord(0, "bench-mapping", "batch", 1, "req", Instant.EPOCH, Duration.ofMillis(3),
                InvocationOutcome.SUCCESS, List.of(new PartitionRange("orders", 0, 0, 9, 10)), 10, payload.length,
                payload, "{\"statusCode\":200}".getBytes(), null, "START\nEND\n");
    }
}
