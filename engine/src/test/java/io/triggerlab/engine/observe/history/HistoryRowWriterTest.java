package io.triggerlab.engine.observe.history;

import io.triggerlab.engine.infra.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryRowWriterTest {

    private static final String MAPPING = "00000000-0000-0000-0000-0000000000aa";

    private final Database database = TestDatabases.inMemory();
    private final JdbcInvocationHistory stored = new JdbcInvocationHistory(database.dataSource(),
            HistoryRetention.defaults());
    private final HistoryRowWriter writer = new HistoryRowWriter(stored);

    @AfterEach
    void tearDown() {
        writer.close();
        stored.close();
        database.close();
    }

    /** Collects what the writer reports, and on which thread. */
    private static final class Collected implements InvocationHistory.Appended {
        final List<Long> ids = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void stored(InvocationRecord stored) {
            ids.add(stored.id());
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void failed(RuntimeException error) {
            throw new AssertionError("not expected: " + error);
        }
    }

    @Test
    void storesOnItsOwnThread_inAppendOrder_andAReadSeesEveryRowAppendedBeforeIt() {
        Collected collected = new Collected();
        for (int i = 0; i < 1000; i++) {
            writer.appendLater(TestInvocations.invocation(MAPPING, InvocationOutcome.SUCCESS), collected);
        }

        assertThat(writer.count(MAPPING)).isEqualTo(1000);
        assertThat(collected.ids).hasSize(1000).isSorted().doesNotHaveDuplicates();
        assertThat(collected.threads).containsOnly("history-rows");
    }

    @Test
    void anAppendAfterClose_isStoredAtOnce_onTheCallersThread() {
        writer.close();
        Collected collected = new Collected();

        writer.appendLater(TestInvocations.invocation(MAPPING, InvocationOutcome.SUCCESS), collected);

        assertThat(collected.threads).containsExactly(Thread.currentThread().getName());
        assertThat(stored.count(MAPPING)).isEqualTo(1);
    }

    @Test
    void whenARunCannotBeStoredAsOneBatch_eachRowIsTriedAlone_andOnlyTheBadOneIsReportedFailed() {
        // A row the store refuses, alone or in a batch (one that has an id already).
        InvocationRecord bad = TestInvocations.invocation(MAPPING, InvocationOutcome.SUCCESS).withId(7);
        List<String> failed = new CopyOnWriteArrayList<>();
        List<Long> ids = new CopyOnWriteArrayList<>();
        InvocationHistory.Appended collect = new InvocationHistory.Appended() {
            @Override
            public void stored(InvocationRecord row) {
                ids.add(row.id());
            }

            @Override
            public void failed(RuntimeException error) {
                failed.add(error.getMessage());
            }
        };
        writer.appendLater(TestInvocations.invocation(MAPPING, InvocationOutcome.SUCCESS), collect);
        writer.appendLater(bad, collect);
        writer.appendLater(TestInvocations.invocation(MAPPING, InvocationOutcome.SUCCESS), collect);
        writer.awaitWritten();

        assertThat(ids).hasSize(2).isSorted();
        assertThat(failed).singleElement().asString().contains("got id 7 for request " + bad.requestId());
        assertThat(stored.count(MAPPING)).isEqualTo(2);
    }
}
