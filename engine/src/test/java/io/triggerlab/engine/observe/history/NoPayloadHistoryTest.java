package io.triggerlab.engine.observe.history;

import io.triggerlab.engine.infra.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.triggerlab.engine.observe.history.InvocationOutcome.FUNCTION_ERROR;
import static io.triggerlab.engine.observe.history.InvocationOutcome.SUCCESS;
import static io.triggerlab.engine.observe.history.TestInvocations.eventJson;
import static io.triggerlab.engine.observe.history.TestInvocations.invocation;
import static org.assertj.core.api.Assertions.assertThat;

class NoPayloadHistoryTest {

    private Database database;
    private NoPayloadHistory history;

    @BeforeEach
    void openDatabase() {
        database = TestDatabases.inMemory();
        history = new NoPayloadHistory(new JdbcInvocationHistory(database.dataSource(), HistoryRetention.defaults()));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void storesTheInvocationWithItsSizeButWithoutPayloadOrResponse() {
        InvocationRecord sent = invocation("mapping-1", "batch-1", 1, SUCCESS, eventJson(50_000, 3));

        InvocationRecord appended = history.append(sent);

        InvocationRecord stored = history.get(appended.id()).orElseThrow();
        assertThat(stored.payload()).isNull();
        assertThat(stored.response()).isNull();
        assertThat(stored.payloadBytes()).isEqualTo(50_000);
        assertThat(stored.recordCount()).isEqualTo(3);
        assertThat(stored.partitions()).isEqualTo(sent.partitions());
        assertThat(stored.logs()).isEqualTo(sent.logs());
        assertThat(stored.summary().payloadKept()).isFalse();
        assertThat(stored.payloadNote()).isEqualTo(NoPayloadHistory.NOTE);
        assertThat(history.stats().storedBytes()).isLessThan(1_000);
    }

    @Test
    void keepsErrorsAndListsLikeTheFullHistory() {
        InvocationRecord failed = history.append(invocation("mapping-1", "batch-2", 1, FUNCTION_ERROR, eventJson(300, 4)));
        history.append(invocation("mapping-1", "batch-2", 2, SUCCESS, eventJson(300, 5)));

        assertThat(history.get(failed.id()).orElseThrow().errorMessage()).isEqualTo("failed: FUNCTION_ERROR");
        assertThat(history.attemptsOf("batch-2")).extracting(InvocationSummary::attempt).containsExactly(1, 2);
        assertThat(history.count("mapping-1")).isEqualTo(2);
        assertThat(history.deleteMapping("mapping-1")).isEqualTo(2);
    }
}
