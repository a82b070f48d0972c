package io.triggerlab.engine.observe.history;

import io.triggerlab.engine.infra.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;

import static io.triggerlab.engine.observe.history.InvocationOutcome.FUNCTION_ERROR;
import static io.triggerlab.engine.observe.history.InvocationOutcome.TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;

/** Pages must come out of an index in order, so a page costs its limit in rows, not the whole table. */
class ListStatementTest {

    private final Database database = TestDatabases.inMemory();

    /** Plans depend on table statistics: give the optimizer a realistic spread of mappings and outcomes. */
    @BeforeEach
    void fillAndAnalyze() throws SQLException {
        JdbcInvocationHistory history = new JdbcInvocationHistory(database.dataSource(), HistoryRetention.defaults());
        InvocationOutcome[] outcomes = InvocationOutcome.values();
        for (int i = 0; i < 600; i++) {
            history.append(TestInvocations.invocation("mapping-" + i % 6, outcomes[i % 3 == 0 ? i % outcomes.length : 0]));
        }
        try (Connection c = database.dataSource().getConnection()) {
            c.createStatement().execute("ANALYZE");
        }
    }

    @AfterEach
    void close() {
        database.close();
    }

    private String plan(HistoryQuery query) throws SQLException {
        ListStatement statement = ListStatement.of(query);
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("EXPLAIN " + statement.sql())) {
            for (int i = 0; i < statement.args().size(); i++) {
                ps.setObject(i + 1, statement.args().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void newestPageOfAllMappings_readsThePrimaryKeyInOrder() throws SQLException {
        assertThat(plan(HistoryQuery.latest(100).before(500))).contains("PRIMARY_KEY").contains("index sorted");
    }

    @Test
    void pageOfOneMapping_readsTheMappingIndexInOrder() throws SQLException {
        assertThat(plan(HistoryQuery.ofMapping("m", 100).before(500)))
                .contains("INVOCATION_MAPPING_ID").contains("index sorted");
    }

    @Test
    void pageOfOneMappingAndOutcome_readsTheMappingOutcomeIndexInOrder() throws SQLException {
        assertThat(plan(HistoryQuery.ofMapping("m", 100).withOutcome(FUNCTION_ERROR).before(500)))
                .contains("INVOCATION_MAPPING_OUTCOME_ID").contains("index sorted");
    }

    @Test
    void pageOfOneOutcome_readsTheOutcomeIndexInOrder() throws SQLException {
        assertThat(plan(HistoryQuery.latest(100).withOutcome(TIMED_OUT)))
                .contains("INVOCATION_OUTCOME_ID").contains("index sorted");
    }

    /**
     * Several outcomes make several index ranges: H2 then reads only the matching rows and sorts them. That is at most
     * the retention's row count, and usually few (failures); what matters is that it never scans the table.
     */
    @Test
    void pageOfSeveralOutcomes_readsOnlyMatchingRowsFromAnIndex() throws SQLException {
        assertThat(plan(HistoryQuery.ofMapping("m", 100).withOutcomes(EnumSet.of(TIMED_OUT, FUNCTION_ERROR))))
                .contains("INVOCATION_MAPPING_OUTCOME_ID").doesNotContain("tableScan");
        assertThat(plan(HistoryQuery.latest(100).withOutcomes(InvocationOutcome.failures())))
                .contains("INVOCATION_OUTCOME_ID").doesNotContain("tableScan");
    }

    @Test
    void attemptsOfABatch_useTheBatchIndex() throws SQLException {
        assertThat(plan(HistoryQuery.latest(100).withBatchId("b"))).contains("INVOCATION_BATCH_ID");
    }
}
