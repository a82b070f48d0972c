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
        InvocationRecord bad = TestInvocations.invocation(MAPPING, "bad-batch", 1, InvocationOutcome.SUCCESS,
                TestInvocations.eventJson(200, 3));
        RefusesOneRow refusing = new RefusesOneRow(stored, bad.requestId());
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
        try (HistoryRowWriter batching = new HistoryRowWriter(refusing)) {
            batching.appendLater(TestInvocations.invocation(MAPPING, InvocationOutcome.SUCCESS), collect);
            batching.appendLater(bad, collect);
            batching.appendLater(TestInvocations.invocation(MAPPING, InvocationOutcome.SUCCESS), collect);
            batching.awaitWritten();
        }

        assertThat(ids).hasSize(2).isSorted();
        assertThat(failed).containsExactly("disk full at " + bad.requestId());
        assertThat(stored.count(MAPPING)).isEqualTo(2);
    }

    /** A store that cannot take one particular row (as a full disk might refuse it), alone or in a batch. */
    private static final class RefusesOneRow implements InvocationHistory {
        private final InvocationHistory stored;
        private final String refusedRequest;

        RefusesOneRow(InvocationHistory stored, String refusedRequest) {
            this.stored = stored;
            this.refusedRequest = refusedRequest;
        }

        @Override
        public InvocationRecord append(InvocationRecord invocation) {
            if (invocation.requestId().equals(refusedRequest)) {
                throw new HistoryStoreException("disk full at " + refusedRequest, null);
            }
            return stored.append(invocation);
        }

        @Override
        public List<InvocationRecord> appendAll(List<InvocationRecord> invocations) {
            if (invocations.stream().anyMatch(i -> i.requestId().equals(refusedRequest))) {
                throw new HistoryStoreException("disk full at " + refusedRequest, null);
            }
            return stored.appendAll(invocations);
        }

        @Override
        public List<InvocationSummary> list(HistoryQuery query) {
            return stored.list(query);
        }

        @Override
        public java.util.Optional<InvocationRecord> get(long id) {
            return stored.get(id);
        }

        @Override
        public List<InvocationSummary> attemptsOf(String batchId) {
            return stored.attemptsOf(batchId);
        }

        @Override
        public long count(String mappingUuid) {
            return stored.count(mappingUuid);
        }

        @Override
        public int deleteMapping(String mappingUuid) {
            return stored.deleteMapping(mappingUuid);
        }

        @Override
        public HistoryStats stats() {
            return stored.stats();
        }
    }
}
