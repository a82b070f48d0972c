package io.triggerlab.engine.observe.systemlog;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The system logs in the engine's H2 database (table {@code esm_system_log}, ADR 0011). Followers wait on this
 * object's monitor; every append wakes them, so a follow costs no polling of the database.
 */
public final class JdbcSystemLogs implements SystemLogs {

    private final DataSource dataSource;
    private final Object appended = new Object();

    public JdbcSystemLogs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public SystemLogEntry append(SystemLogEntry entry) {
        SystemLogEntry stored;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO esm_system_log (mapping_uuid, log_stream, event_time, level_rank, event_type, message)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, entry.mappingUuid());
            ps.setString(2, entry.logStreamName());
            ps.setLong(3, entry.timestamp().toEpochMilli());
            ps.setInt(4, entry.level().ordinal());
            ps.setString(5, entry.eventType());
            ps.setString(6, entry.message());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                stored = entry.withId(keys.getLong(1));
            }
        } catch (SQLException e) {
            throw new SystemLogStoreException("Cannot keep the " + entry.eventType() + " system log event of mapping "
                    + entry.mappingUuid() + ": " + e.getMessage(), e);
        }
        synchronized (appended) {
            appended.notifyAll();
        }
        return stored;
    }

    @Override
    public List<SystemLogEntry> read(SystemLogQuery query) {
        List<SystemLogEntry> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, log_stream, event_time, level_rank, event_type, message FROM esm_system_log"
                        + " WHERE mapping_uuid = ? AND id > ? AND level_rank <= ? ORDER BY id LIMIT ?")) {
            ps.setString(1, query.mappingUuid());
            ps.setLong(2, query.afterId());
            ps.setInt(3, query.level().ordinal());
            ps.setInt(4, query.limit());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SystemLogEntry(rs.getLong(1), query.mappingUuid(), rs.getString(2),
                            Instant.ofEpochMilli(rs.getLong(3)), SystemLogLevel.values()[rs.getInt(4)], rs.getString(5),
                            rs.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new SystemLogStoreException("Cannot read the system logs of mapping " + query.mappingUuid() + ": "
                    + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public List<SystemLogEntry> await(SystemLogQuery query, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<SystemLogEntry> found;
            synchronized (appended) {
                // Read under the monitor: an append between the read and the wait would otherwise go unnoticed.
                found = read(query);
                long left = deadline - System.nanoTime();
                if (!found.isEmpty() || left <= 0) {
                    return found;
                }
                appended.wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
