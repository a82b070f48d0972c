package io.triggerlab.engine.observe.history;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The invocation history in the engine's H2 database (table {@code invocation}, migration V3).
 *
 * <p>Appends from many poller threads run concurrently; bodies are compressed before a connection is taken. The
 * stored count and body bytes are kept as running totals (read once at start, then adjusted by each append and by
 * the exact rows each delete removed), so checking retention costs nothing per append. Only when a bound is passed
 * does one thread prune, walking the oldest rows in small pages: see {@link HistoryRetention}.
 *
 * <p>Large bodies ({@value #ASYNC_BODY_BYTES} bytes and more, i.e. big batches) are compressed and stored by a
 * {@link BodyWriter} on its own thread: the row is inserted at once, so the id, lists and counts are immediate, and
 * {@link #get} waits for the bodies appended before it. Gzip of a 6 MB event costs several times what building it does
 * (bench/README.md), and it must not hold up the poller that appended it. When the writer is behind its budget the
 * row is kept without its bodies, with {@code payloadNote} saying why: an append never waits for the writer. Stored
 * bytes count towards the retention once written. {@link #close()} stores what is still queued.
 */
public final class JdbcInvocationHistory implements InvocationHistory, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JdbcInvocationHistory.class);
    private static final int PRUNE_PAGE = 500;
    /**
     * Bodies from this size on (payload and response together) are compressed and written in the background; smaller
     * ones (a BatchSize-100 event is about 140 KB) compress in a millisecond or less and are stored with their row.
     */
    static final int ASYNC_BODY_BYTES = 256 * 1024;

    private final DataSource dataSource;
    private final HistoryRetention retention;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong storedBytes = new AtomicLong();
    /** Serialises pruning and mapping deletes, so running totals are adjusted by one remover at a time. */
    private final ReentrantLock removal = new ReentrantLock();
    private final BodyWriter bodies;

    /**
     * Reads the stored totals and, when the retention shrank since the last run, prunes at once. Bodies are kept while
     * the background writer keeps within {@link BodyWriter.Budget#DEFAULT}.
     */
    public JdbcInvocationHistory(DataSource dataSource, HistoryRetention retention) {
        this(dataSource, retention, BodyWriter.Budget.DEFAULT);
    }

    JdbcInvocationHistory(DataSource dataSource, HistoryRetention retention, BodyWriter.Budget budget) {
        this.bodies = new BodyWriter(budget);
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.retention = Objects.requireNonNull(retention, "retention");
        Totals stored = query("read the history totals",
                "SELECT COUNT(*), COALESCE(SUM(stored_bytes), 0) FROM invocation", ps -> { }, Totals::read)
                .get(0);
        records.set(stored.records());
        storedBytes.set(stored.bytes());
        pruneIfOverRetention();
    }

    @Override
    public InvocationRecord append(InvocationRecord invocation) {
        Objects.requireNonNull(invocation, "invocation");
        if (invocation.id() != 0) {
            throw new IllegalArgumentException("append takes a new invocation (id 0), but got id " + invocation.id()
                    + " for request " + invocation.requestId());
        }
        long bodyBytes = invocation.bodyBytes();
        if (bodyBytes >= ASYNC_BODY_BYTES) {
            Optional<String> refusal = bodies.reserve(bodyBytes);
            if (refusal.isEmpty()) {
                return appendWithBodiesLater(invocation, bodyBytes);
            }
            return appendNow(invocation.withoutBodies(refusal.get()));
        }
        return appendNow(invocation);
    }

    @Override
    public Optional<String> bodiesNotKept(long bodyBytes) {
        return bodyBytes >= ASYNC_BODY_BYTES ? bodies.wouldRefuse(bodyBytes) : Optional.empty();
    }

    /**
     * Rows with small bodies go in as JDBC batches, one transaction per run of them (a history row per BatchSize-100
     * invocation is otherwise two statements and a commit each); a row with large bodies is appended on its own, in
     * its place, so ids keep the given order.
     */
    @Override
    public List<InvocationRecord> appendAll(List<InvocationRecord> invocations) {
        List<InvocationRecord> stored = new ArrayList<>(invocations.size());
        List<InvocationRecord> small = new ArrayList<>();
        for (InvocationRecord invocation : invocations) {
            if (invocation.bodyBytes() >= ASYNC_BODY_BYTES) {
                stored.addAll(appendBatch(small));
                small.clear();
                stored.add(append(invocation));
            } else {
                small.add(invocation);
            }
        }
        stored.addAll(appendBatch(small));
        return stored;
    }

    private List<InvocationRecord> appendBatch(List<InvocationRecord> invocations) {
        if (invocations.isEmpty()) {
            return List.of();
        }
        if (invocations.size() == 1) {
            return List.of(append(invocations.get(0)));
        }
        List<InvocationRows.Encoded> rows = new ArrayList<>(invocations.size());
        long bytes = 0;
        for (InvocationRecord invocation : invocations) {
            if (invocation.id() != 0) {
                throw new IllegalArgumentException("appendAll takes new invocations (id 0), but got id "
                        + invocation.id() + " for request " + invocation.requestId());
            }
            InvocationRows.Encoded row = InvocationRows.encode(invocation);
            rows.add(row);
            bytes += row.storedBytes();
        }
        long[] ids;
        try (Connection c = dataSource.getConnection()) {
            ids = insertAll(c, rows);
        } catch (SQLException e) {
            throw new HistoryStoreException("Cannot append " + invocations.size() + " invocations (first request "
                    + invocations.get(0).requestId() + ") to the history: " + e.getMessage(), e);
        }
        records.addAndGet(rows.size());
        storedBytes.addAndGet(bytes);
        pruneIfOverRetention();
        List<InvocationRecord> stored = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            stored.add(invocations.get(i).withId(ids[i]));
        }
        return stored;
    }

    /** Inserts the row and its (small or no) bodies in one transaction. */
    private InvocationRecord appendNow(InvocationRecord invocation) {
        InvocationRows.Encoded row = InvocationRows.encode(invocation);
        long id;
        try (Connection c = dataSource.getConnection()) {
            id = insert(c, row);
        } catch (SQLException e) {
            throw appendFailed(invocation, e);
        }
        records.incrementAndGet();
        storedBytes.addAndGet(row.storedBytes());
        pruneIfOverRetention();
        return invocation.withId(id);
    }

    /** Inserts the row now and queues its bodies for the {@link BodyWriter}, which has room {@code reserved} for them. */
    private InvocationRecord appendWithBodiesLater(InvocationRecord invocation, long reserved) {
        long id;
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(InvocationRows.INSERT_INVOCATION, Statement.RETURN_GENERATED_KEYS)) {
            InvocationRows.bindInvocation(insert, invocation, PartitionRangesJson.write(invocation.partitions()), 0);
            insert.executeUpdate();
            id = generatedId(insert);
        } catch (SQLException | RuntimeException e) {
            bodies.release(reserved);
            throw e instanceof SQLException sql ? appendFailed(invocation, sql) : (RuntimeException) e;
        }
        records.incrementAndGet();
        bodies.write(reserved, () -> storeBodies(id, invocation));
        pruneIfOverRetention();
        return invocation.withId(id);
    }

    /** On the writer thread: compresses and stores the bodies of row {@code id}, unless it was removed meanwhile. */
    private void storeBodies(long id, InvocationRecord invocation) {
        InvocationRows.Encoded row = InvocationRows.encode(invocation);
        try (Connection c = dataSource.getConnection()) {
            if (!insertBodies(c, id, row)) {
                return; // pruned or its mapping deleted before its bodies were written: nothing to keep
            }
        } catch (SQLException e) {
            log.error("Cannot store the payload and response of invocation {} (request {}, mapping {}); the history"
                    + " keeps its row without them: {}", id, invocation.requestId(), invocation.mappingUuid(), e.getMessage());
            return;
        }
        storedBytes.addAndGet(row.storedBytes());
        pruneIfOverRetention();
    }

    private static HistoryStoreException appendFailed(InvocationRecord invocation, SQLException e) {
        return new HistoryStoreException("Cannot append invocation " + invocation.requestId() + " of mapping "
                + invocation.mappingUuid() + " to the history: " + e.getMessage(), e);
    }

    @Override
    public List<InvocationSummary> list(HistoryQuery q) {
        Objects.requireNonNull(q, "query");
        ListStatement statement = ListStatement.of(q);
        return query("list invocations for " + q, statement.sql(), ps -> bind(ps, statement.args()),
                InvocationRows::summary);
    }

    @Override
    public Optional<InvocationRecord> get(long id) {
        bodies.awaitWritten();
        List<InvocationRecord> found = query("read invocation " + id,
                InvocationRows.SELECT_RECORD,
                ps -> ps.setLong(1, id), InvocationRows::record);
        return found.stream().findFirst();
    }

    @Override
    public List<InvocationSummary> attemptsOf(String batchId) {
        Objects.requireNonNull(batchId, "batchId");
        return query("list the attempts at batch " + batchId,
                "SELECT " + InvocationRows.SUMMARY_COLUMNS + " FROM invocation WHERE batch_id = ? ORDER BY id",
                ps -> ps.setString(1, batchId), InvocationRows::summary);
    }

    @Override
    public long count(String mappingUuid) {
        if (mappingUuid == null) {
            return query("count invocations", "SELECT COUNT(*) FROM invocation", ps -> { }, rs -> rs.getLong(1)).get(0);
        }
        return query("count the invocations of mapping " + mappingUuid,
                "SELECT COUNT(*) FROM invocation WHERE mapping_uuid = ?",
                ps -> ps.setString(1, mappingUuid), rs -> rs.getLong(1)).get(0);
    }

    @Override
    public int deleteMapping(String mappingUuid) {
        Objects.requireNonNull(mappingUuid, "mappingUuid");
        removal.lock();
        try {
            Totals removed = removeWhere("delete the history of mapping " + mappingUuid, "mapping_uuid = ?",
                    ps -> ps.setString(1, mappingUuid));
            log.info("Deleted the history of mapping {}: {} invocations, {} stored bytes",
                    mappingUuid, removed.records(), removed.bytes());
            return Math.toIntExact(removed.records());
        } finally {
            removal.unlock();
        }
    }

    @Override
    public HistoryStats stats() {
        return new HistoryStats(records.get(), storedBytes.get());
    }

    public HistoryRetention retention() {
        return retention;
    }

    /**
     * Stores the bodies still queued. The history stays readable; appends after this keep their rows, and large bodies
     * are no longer stored (their {@code payloadNote} says so).
     */
    @Override
    public void close() {
        bodies.close();
    }

    private boolean overRetention() {
        return records.get() > retention.maxRecords() || storedBytes.get() > retention.maxBytes();
    }

    /** Blocks concurrent appenders that also passed a bound until one prune is done, so every append returns in bounds. */
    private void pruneIfOverRetention() {
        if (!overRetention()) {
            return;
        }
        removal.lock();
        try {
            if (overRetention()) {
                prune();
            }
        } finally {
            removal.unlock();
        }
    }

    /** Removes the oldest invocations until both totals are down to the retention's prune-to marks. */
    private void prune() {
        long recordsToRemove = records.get() - retention.pruneToRecords();
        long bytesToRemove = storedBytes.get() - retention.pruneToBytes();
        long cutId = oldestIdToKeepBelow(recordsToRemove, bytesToRemove);
        if (cutId == 0) {
            return;
        }
        Totals removed = removeWhere("prune the history", "id <= ?", ps -> ps.setLong(1, cutId));
        log.debug("History retention {} removed {} oldest invocations ({} stored bytes); {} kept",
                retention, removed.records(), removed.bytes(), records.get());
    }

    /**
     * Walks the oldest rows, never the newest one, and returns the highest id to remove so that at least the given
     * records and bytes go; 0 when there is nothing to remove.
     */
    private long oldestIdToKeepBelow(long recordsToRemove, long bytesToRemove) {
        long newestId = query("find the newest invocation", "SELECT COALESCE(MAX(id), 0) FROM invocation",
                ps -> { }, rs -> rs.getLong(1)).get(0);
        long cutId = 0;
        long recordsSeen = 0;
        long bytesSeen = 0;
        while (true) {
            long after = cutId;
            List<long[]> page = query("walk the oldest invocations",
                    "SELECT id, stored_bytes FROM invocation WHERE id > ? AND id < ? ORDER BY id LIMIT " + PRUNE_PAGE,
                    ps -> {
                        ps.setLong(1, after);
                        ps.setLong(2, newestId);
                    }, rs -> new long[] {rs.getLong(1), rs.getLong(2)});
            for (long[] row : page) {
                cutId = row[0];
                recordsSeen++;
                bytesSeen += row[1];
                if (recordsSeen >= recordsToRemove && bytesSeen >= bytesToRemove) {
                    return cutId;
                }
            }
            if (page.size() < PRUNE_PAGE) {
                return cutId;
            }
        }
    }

    /** Deletes matching rows and takes exactly what went off the running totals. Caller holds {@link #removal}. */
    private Totals removeWhere(String what, String condition, Binder binder) {
        Totals removed = query(what, "SELECT COUNT(*), COALESCE(SUM(stored_bytes), 0) FROM OLD TABLE "
                + "(DELETE FROM invocation WHERE " + condition + ")", binder, Totals::read).get(0);
        records.addAndGet(-removed.records());
        storedBytes.addAndGet(-removed.bytes());
        return removed;
    }

    /** Both rows in one transaction: a reader never sees an invocation without its bodies. */
    private static long insert(Connection c, InvocationRows.Encoded row) throws SQLException {
        return insertAll(c, List.of(row))[0];
    }

    /**
     * Every row and its bodies as two JDBC batches in one transaction (a reader never sees an invocation without its
     * bodies); the ids in the rows' order.
     */
    private static long[] insertAll(Connection c, List<InvocationRows.Encoded> rows) throws SQLException {
        return inTransaction(c, () -> {
            try (PreparedStatement invocation = c.prepareStatement(InvocationRows.INSERT_INVOCATION,
                    Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement body = c.prepareStatement(InvocationRows.INSERT_BODY)) {
                for (InvocationRows.Encoded row : rows) {
                    InvocationRows.bindInvocation(invocation, row);
                    invocation.addBatch();
                }
                invocation.executeBatch();
                long[] ids = new long[rows.size()];
                try (ResultSet keys = invocation.getGeneratedKeys()) {
                    for (int i = 0; i < ids.length; i++) {
                        if (!keys.next()) {
                            throw new SQLException("the database returned " + i + " ids for " + ids.length + " rows");
                        }
                        ids[i] = keys.getLong(1);
                    }
                }
                for (int i = 0; i < ids.length; i++) {
                    InvocationRows.bindBody(body, ids[i], rows.get(i));
                    body.addBatch();
                }
                body.executeBatch();
                return ids;
            }
        });
    }

    /**
     * The bodies of an existing row, with its stored size, in one transaction; false (and nothing written) when the row
     * is gone. The update locks the row, so a concurrent prune or delete waits and then takes the bodies with it.
     */
    private static boolean insertBodies(Connection c, long id, InvocationRows.Encoded row) throws SQLException {
        return inTransaction(c, () -> {
            try (PreparedStatement update = c.prepareStatement(InvocationRows.UPDATE_STORED_BYTES);
                 PreparedStatement body = c.prepareStatement(InvocationRows.INSERT_BODY)) {
                update.setLong(1, row.storedBytes());
                update.setLong(2, id);
                if (update.executeUpdate() == 0) {
                    return false;
                }
                InvocationRows.bindBody(body, id, row);
                body.executeUpdate();
                return true;
            }
        });
    }

    @FunctionalInterface
    private interface Transaction<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} as one transaction on {@code c}: committed when it returns, rolled back when it throws. */
    private static <T> T inTransaction(Connection c, Transaction<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static long generatedId(PreparedStatement insert) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private <T> List<T> query(String what, String sql, Binder binder, RowReader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new HistoryStoreException("Cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    /** A count and byte total of invocation rows. */
    private record Totals(long records, long bytes) {
        static Totals read(ResultSet rs) throws SQLException {
            return new Totals(rs.getLong(1), rs.getLong(2));
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
