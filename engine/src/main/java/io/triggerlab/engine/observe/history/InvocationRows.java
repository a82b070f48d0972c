package io.triggerlab.engine.observe.history;

import io.triggerlab.engine.observe.history.BodyCodec.StoredBody;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Maps {@link InvocationRecord}s to rows of the {@code invocation} and {@code invocation_body} tables and back;
 * no SQL is run here.
 */
final class InvocationRows {

    static final String INSERT_INVOCATION = "INSERT INTO invocation (mapping_uuid, batch_id, attempt, request_id, "
            + "started_at, duration_nanos, outcome, partitions, record_count, payload_bytes, error_message, "
            + "payload_kept, has_response, stored_bytes, payload_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String INSERT_BODY = "INSERT INTO invocation_body (invocation_id, payload, payload_gzip, "
            + "response, response_gzip, logs, logs_gzip) VALUES (?, ?, ?, ?, ?, ?, ?)";

    /** The columns of a table row: no body. */
    static final String SUMMARY_COLUMNS = "id, mapping_uuid, batch_id, attempt, request_id, started_at, "
            + "duration_nanos, outcome, partitions, record_count, payload_bytes, error_message, payload_kept, "
            + "has_response, payload_note";

    /** A LEFT JOIN: an invocation whose large bodies were never stored (the engine stopped first) reads without them. */
    static final String SELECT_RECORD = "SELECT " + SUMMARY_COLUMNS
            + ", payload, payload_gzip, response, response_gzip, logs, logs_gzip"
            + " FROM invocation LEFT JOIN invocation_body ON invocation_id = id WHERE id = ?";

    static final String UPDATE_STORED_BYTES = "UPDATE invocation SET stored_bytes = ? WHERE id = ?";

    private InvocationRows() {
    }

    /** An invocation encoded for storage, its bodies compressed where that pays. Built before a connection is taken. */
    record Encoded(InvocationRecord invocation, String partitionsJson, StoredBody payload, StoredBody response,
                   StoredBody logs) {
        long storedBytes() {
            return payload.storedLength() + response.storedLength() + logs.storedLength();
        }
    }

    static Encoded encode(InvocationRecord invocation) {
        return new Encoded(invocation, PartitionRangesJson.write(invocation.partitions()),
                BodyCodec.encode(invocation.sharedPayload()), BodyCodec.encode(invocation.sharedResponse()),
                BodyCodec.encode(invocation.logs().getBytes(StandardCharsets.UTF_8)));
    }

    static void bindInvocation(PreparedStatement insert, Encoded row) throws SQLException {
        bindInvocation(insert, row.invocation(), row.partitionsJson(), row.storedBytes());
    }

    /**
     * Binds the invocation's row; {@code storedBytes} is what its bodies take once stored (0 until they are, when they
     * are written later).
     */
    static void bindInvocation(PreparedStatement insert, InvocationRecord inv, String partitionsJson, long storedBytes)
            throws SQLException {
        InvocationSummary summary = inv.summary();
        insert.setString(1, inv.mappingUuid());
        insert.setString(2, inv.batchId());
        insert.setInt(3, inv.attempt());
        insert.setString(4, inv.requestId());
        insert.setObject(5, OffsetDateTime.ofInstant(inv.startedAt(), ZoneOffset.UTC));
        insert.setLong(6, inv.duration().toNanos());
        insert.setString(7, inv.outcome().name());
        insert.setString(8, partitionsJson);
        insert.setInt(9, inv.recordCount());
        insert.setLong(10, inv.payloadBytes());
        insert.setString(11, inv.errorMessage());
        insert.setBoolean(12, summary.payloadKept());
        insert.setBoolean(13, summary.hasResponse());
        insert.setLong(14, storedBytes);
        insert.setString(15, inv.payloadNote());
    }

    static void bindBody(PreparedStatement insert, long id, Encoded row) throws SQLException {
        insert.setLong(1, id);
        insert.setBytes(2, row.payload().bytes());
        insert.setBoolean(3, row.payload().gzip());
        insert.setBytes(4, row.response().bytes());
        insert.setBoolean(5, row.response().gzip());
        insert.setBytes(6, row.logs().bytes());
        insert.setBoolean(7, row.logs().gzip());
    }

    /** Reads a row selected with {@link #SUMMARY_COLUMNS}. */
    static InvocationSummary summary(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new InvocationSummary(id, rs.getString("mapping_uuid"), rs.getString("batch_id"), rs.getInt("attempt"),
                rs.getString("request_id"), startedAt(rs), Duration.ofNanos(rs.getLong("duration_nanos")),
                outcome(rs, id), PartitionRangesJson.read(rs.getString("partitions"), id), rs.getInt("record_count"),
                rs.getLong("payload_bytes"), rs.getBoolean("payload_kept"), rs.getBoolean("has_response"),
                rs.getString("error_message"), rs.getString("payload_note"));
    }

    /** Reads a row selected with {@link #SELECT_RECORD}, decompressing its bodies. */
    static InvocationRecord record(ResultSet rs) throws SQLException {
        InvocationSummary s = summary(rs);
        byte[] payload = BodyCodec.decode(rs.getBytes("payload"), rs.getBoolean("payload_gzip"));
        byte[] response = BodyCodec.decode(rs.getBytes("response"), rs.getBoolean("response_gzip"));
        byte[] logs = BodyCodec.decode(rs.getBytes("logs"), rs.getBoolean("logs_gzip"));
        if (logs == null) {
            logs = new byte[0]; // no body row: see SELECT_RECORD
        }
        return new InvocationRecord(s.id(), s.mappingUuid(), s.batchId(), s.attempt(), s.requestId(), s.startedAt(),
                s.duration(), s.outcome(), s.partitions(), s.recordCount(), s.payloadBytes(), payload, response,
                s.errorMessage(), new String(logs, StandardCharsets.UTF_8), s.payloadNote());
    }

    private static Instant startedAt(ResultSet rs) throws SQLException {
        return rs.getObject("started_at", OffsetDateTime.class).toInstant();
    }

    private static InvocationOutcome outcome(ResultSet rs, long id) throws SQLException {
        String name = rs.getString("outcome");
        try {
            return InvocationOutcome.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new HistoryStoreException("Stored invocation " + id + " has the unknown outcome " + name
                    + ": it was written by a newer TriggerLab; upgrade to read it", e);
        }
    }
}
