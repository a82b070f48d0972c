package io.triggerlab.engine.observe.history;

import io.triggerlab.engine.infra.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.triggerlab.engine.observe.history.InvocationOutcome.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rows stored as JDBC batches: same rows, same order, same totals as one append each; all or nothing. */
class JdbcInvocationHistoryAppendAllTest {

    private static final String MAPPING = "00000000-0000-0000-0000-0000000000bb";

    private final Database database = TestDatabases.inMemory();
    private final JdbcInvocationHistory history = new JdbcInvocationHistory(database.dataSource(),
            HistoryRetention.defaults());

    @AfterEach
    void tearDown() {
        history.close();
        database.close();
    }

    @Test
    void storesEveryRowWithItsBodies_inTheGivenOrder_aLargeRowKeepingItsPlace() {
        List<InvocationRecord> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(TestInvocations.invocation(MAPPING, "b" + i, 1, SUCCESS, TestInvocations.eventJson(300 + i, i)));
        }
        byte[] large = TestInvocations.eventJson(JdbcInvocationHistory.ASYNC_BODY_BYTES + 10, 99);
        sent.add(2, TestInvocations.invocation(MAPPING, "large", 1, SUCCESS, large));

        List<InvocationRecord> stored = history.appendAll(sent);

        assertThat(stored).hasSize(6);
        assertThat(stored).extracting(InvocationRecord::id).isSorted().doesNotHaveDuplicates();
        assertThat(stored).extracting(InvocationRecord::batchId).containsExactly("b0", "b1", "large", "b2", "b3", "b4");
        for (int i = 0; i < stored.size(); i++) {
            InvocationRecord read = history.get(stored.get(i).id()).orElseThrow();
            assertThat(read).isEqualTo(sent.get(i).withId(stored.get(i).id()));
        }
        assertThat(history.count(MAPPING)).isEqualTo(6);
        assertThat(history.stats().records()).isEqualTo(6);
    }

    @Test
    void aRowThatCannotBeStored_failsTheWholeRun_andLeavesNothingBehind() {
        InvocationRecord good = TestInvocations.invocation(MAPPING, SUCCESS);
        InvocationRecord alreadyStored = TestInvocations.invocation(MAPPING, SUCCESS).withId(7);

        assertThatThrownBy(() -> history.appendAll(List.of(good, alreadyStored)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id 7");

        assertThat(history.count(MAPPING)).isZero();
    }
}
