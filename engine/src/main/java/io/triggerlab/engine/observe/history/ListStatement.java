package io.triggerlab.engine.observe.history;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL for one {@link HistoryQuery} page. Its ORDER BY names the columns the query fixes by equality before
 * {@code id}, all descending, so H2 reads the page from an index backwards and stops at the limit instead of
 * sorting every matching row.
 */
record ListStatement(String sql, List<Object> args) {

    static ListStatement of(HistoryQuery q) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> args = new ArrayList<>();
        List<String> orderBy = new ArrayList<>();
        if (q.mappingUuid() != null) {
            where.append(" AND mapping_uuid = ?");
            args.add(q.mappingUuid());
            orderBy.add("mapping_uuid DESC");
        }
        if (q.outcomes().size() == 1) {
            where.append(" AND outcome = ?");
            args.add(q.outcomes().iterator().next().name());
            orderBy.add("outcome DESC");
        } else if (!q.outcomes().isEmpty()) {
            where.append(" AND outcome IN (").append("?, ".repeat(q.outcomes().size() - 1)).append("?)");
            q.outcomes().stream().map(Enum::name).sorted().forEach(args::add);
        }
        if (q.batchId() != null) {
            // A batch has few attempts: its own index finds them, and sorting those few costs nothing.
            where.append(" AND batch_id = ?");
            args.add(q.batchId());
            orderBy.clear();
        }
        if (q.beforeId() != null) {
            where.append(" AND id < ?");
            args.add(q.beforeId());
        }
        orderBy.add("id DESC");
        args.add(q.limit());
        String sql = "SELECT " + InvocationRows.SUMMARY_COLUMNS + " FROM invocation" + where
                + " ORDER BY " + String.join(", ", orderBy) + " LIMIT ?";
        return new ListStatement(sql, List.copyOf(args));
    }
}
