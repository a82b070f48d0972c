package io.triggerlab.engine.observe.history;

import io.triggerlab.engine.infra.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

import static io.triggerlab.engine.observe.history.InvocationOutcome.SUCCESS;
import static io.triggerlab.engine.observe.history.TestInvocations.eventJson;
import static io.triggerlab.engine.observe.history.TestInvocations.invocation;
import static org.assertj.core.api.Assertions.assertThat;

/** A history whose writer is behind keeps every row, drops bodies with the reason, and never makes appends wait. */
class JdbcInvocationHistoryBehindTest {

    private static final int BODY = 1536 * 1024;

    private final Database database = TestDatabases.inMemory();
    private final CountDownLatch writerMayGo = new CountDownLatch(1);

    @AfterEach
    void closeDatabase() {
        writerMayGo.countDown();
        database.close();
    }

    @Test
    @Timeout(60) // an append that waited for the stuck writer would hang here
    void appendWhileTheWriterIsStuck_keepsTheRowWithoutBodies_andSaysWhy() {
        JdbcInvocationHistory history = new JdbcInvocationHistory(new WriterGate(database.dataSource()),
                HistoryRetention.defaults(), new BodyWriter.Budget(2 * 1024 * 1024, 1.0, 0));
        byte[] first = eventJson(BODY, 1);
        byte[] second = eventJson(BODY, 2);

        InvocationRecord kept = history.append(invocation("m", "batch-1", 1, SUCCESS, first));
        InvocationRecord dropped = history.append(invocation("m", "batch-2", 1, SUCCESS, second));

        assertThat(dropped.payload()).isNull();
        assertThat(dropped.payloadNote()).isEqualTo("payload not kept: the history writer was 1.5 MB behind");
        writerMayGo.countDown();
        InvocationRecord readKept = history.get(kept.id()).orElseThrow();
        InvocationRecord readDropped = history.get(dropped.id()).orElseThrow();
        assertThat(readKept.payload()).isEqualTo(first);
        assertThat(readKept.payloadNote()).isNull();
        assertThat(readDropped.payload()).isNull();
        assertThat(readDropped.response()).isNull();
        assertThat(readDropped.payloadBytes()).isEqualTo(BODY);
        assertThat(readDropped.logs()).isEqualTo("START RequestId\nEND\n");
        assertThat(readDropped.payloadNote()).isEqualTo(dropped.payloadNote());
        assertThat(history.list(HistoryQuery.latest(10)))
                .extracting(InvocationSummary::payloadKept, InvocationSummary::payloadNote)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(false, dropped.payloadNote()),
                        org.assertj.core.groups.Tuple.tuple(true, null));
    }

    @Test
    @Timeout(60)
    void bodiesNotKept_tellsTheCallerBeforeItCopiesAnEvent_andSmallBodiesAreAlwaysKept() {
        JdbcInvocationHistory history = new JdbcInvocationHistory(new WriterGate(database.dataSource()),
                HistoryRetention.defaults(), new BodyWriter.Budget(2 * 1024 * 1024, 1.0, 0));
        assertThat(history.bodiesNotKept(BODY)).isEmpty();

        history.append(invocation("m", "batch-1", 1, SUCCESS, eventJson(BODY, 1))); // the writer is stuck on it

        assertThat(history.bodiesNotKept(BODY)).contains("payload not kept: the history writer was 1.5 MB behind");
        assertThat(history.bodiesNotKept(JdbcInvocationHistory.ASYNC_BODY_BYTES - 1)).isEmpty();
        assertThat(new NoPayloadHistory(history).bodiesNotKept(10)).contains(NoPayloadHistory.NOTE);
    }

    @Test
    void keptBodiesReadBackByteIdentical_compressedEitherWay() {
        JdbcInvocationHistory history = new JdbcInvocationHistory(database.dataSource(), HistoryRetention.defaults(),
                BodyWriter.Budget.KEEP_ALL);
        byte[] randomValues = eventJson(3 * 1024 * 1024, 7);
        byte[] repetitive = "{\"status\":\"SHIPPED\",\"items\":[1,2,3]},".repeat(100_000)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        long a = history.append(invocation("m", "batch-a", 1, SUCCESS, randomValues)).id();
        long b = history.append(invocation("m", "batch-b", 1, SUCCESS, repetitive)).id();

        assertThat(history.get(a).orElseThrow().payload()).isEqualTo(randomValues);
        assertThat(history.get(b).orElseThrow().payload()).isEqualTo(repetitive);
        assertThat(history.stats().storedBytes()).isLessThan(randomValues.length * 8L / 10 + repetitive.length / 20);
    }

    /** Holds the history writer's connections until the test lets it go: a writer that is stuck behind. */
    private final class WriterGate implements DataSource {
        private final DataSource target;

        WriterGate(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (Thread.currentThread().getName().equals("history-writer")) {
                try {
                    writerMayGo.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted", e);
                }
            }
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("history-test");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return target.isWrapperFor(type);
        }
    }
}
