package io.triggerlab.engine.infra.store;

import io.triggerlab.engine.observe.metrics.MetricStoreException;
import io.triggerlab.engine.observe.metrics.ScalingDecision;
import io.triggerlab.engine.observe.metrics.ScalingReason;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The kept scaling decisions (table {@code scaling_decision}, migration V4), newest first when read. */
public final class ScalingDecisionLog {

    private final DataSource dataSource;

    public ScalingDecisionLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ScalingDecision append(ScalingDecision d) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO scaling_decision (mapping_uuid, decided_at, from_pollers, to_pollers, reason, message)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, d.mappingUuid());
            ps.setObject(2, OffsetDateTime.ofInstant(d.at(), ZoneOffset.UTC));
            ps.setInt(3, d.fromPollers());
            ps.setInt(4, d.toPollers());
            ps.setString(5, d.reason().name());
            ps.setString(6, d.message());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return d.withId(keys.getLong(1));
            }
        } catch (SQLException e) {
            throw new MetricStoreException("Cannot keep the scaling decision " + d + ": " + e.getMessage(), e);
        }
    }

    /** The newest {@code limit} decisions of a mapping, newest first. */
    public List<ScalingDecision> list(String mappingUuid, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("Scaling decision limit " + limit + " is out of range: must be 1..10000");
        }
        List<ScalingDecision> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, mapping_uuid, decided_at, from_pollers, to_pollers, reason, message FROM scaling_decision"
                        + " WHERE mapping_uuid = ? ORDER BY id DESC LIMIT ?")) {
            ps.setString(1, mappingUuid);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ScalingDecision(rs.getLong(1), rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4), rs.getInt(5),
                            ScalingReason.valueOf(rs.getString(6)), rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new MetricStoreException("Cannot read the scaling decisions of mapping " + mappingUuid + ": "
                    + e.getMessage(), e);
        }
        return out;
    }

    /** Deletes decisions older than {@code before}. */
    public int prune(Instant before) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM scaling_decision WHERE decided_at < ?")) {
            ps.setObject(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new MetricStoreException("Cannot apply the scaling decision retention: " + e.getMessage(), e);
        }
    }
}
