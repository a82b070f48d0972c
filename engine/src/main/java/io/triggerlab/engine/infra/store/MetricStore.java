package io.triggerlab.engine.infra.store;

import io.triggerlab.engine.observe.metrics.EsmMetric;
import io.triggerlab.engine.observe.metrics.MetricPoint;
import io.triggerlab.engine.observe.metrics.MetricQuery;
import io.triggerlab.engine.observe.metrics.MetricSeries;
import io.triggerlab.engine.observe.metrics.MetricStoreException;
import io.triggerlab.engine.observe.metrics.MetricsSettings;
import io.triggerlab.engine.observe.metrics.MetricsSnapshot;
import io.triggerlab.engine.observe.metrics.PartitionLag;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Metric time series in H2 (table {@code metric_point}, migration V4), in two tiers: every sample (tier 0) and one
 * aggregate per minute (tier 1), which each write updates in place — so downsampling is never a separate job that can
 * fall behind, and the minute in progress is always readable. Retention deletes whole old rows of each tier.
 *
 * <p>Only the sampler thread writes; any thread reads.
 */
public final class MetricStore {

    static final int RAW = 0;
    static final int MINUTE = 1;
    static final int WHOLE_MAPPING = -1;
    private static final long MINUTE_MS = MetricsSettings.MINUTE.toMillis();

    private static final String INSERT = "INSERT INTO metric_point (mapping_uuid, metric, partition_id, tier, bucket_ms,"
            + " total, samples, min_value, max_value) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)";
    private static final String ADD_TO_MINUTE = "UPDATE metric_point SET total = total + ?, samples = samples + 1,"
            + " min_value = LEAST(min_value, ?), max_value = GREATEST(max_value, ?)"
            + " WHERE mapping_uuid = ? AND metric = ? AND partition_id = ? AND tier = 1 AND bucket_ms = ?";
    private static final String SERIES = "SELECT bucket_ms - MOD(bucket_ms, ?) AS b, SUM(total), SUM(samples),"
            + " MIN(min_value), MAX(max_value) FROM metric_point"
            + " WHERE mapping_uuid = ? AND metric = ? AND partition_id = ? AND tier = ? AND bucket_ms >= ? AND bucket_ms < ?"
            + " GROUP BY b ORDER BY b";

    private final DataSource dataSource;
    private final MetricsSettings settings;

    public MetricStore(DataSource dataSource, MetricsSettings settings) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    private record Row(String metric, int partition, double value) {
    }

    /** Stores one sample in both tiers, in one transaction. */
    public void write(MetricsSnapshot snapshot) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<EsmMetric, Double> e : snapshot.values().entrySet()) {
            rows.add(new Row(e.getKey().awsName(), WHOLE_MAPPING, e.getValue()));
        }
        for (PartitionLag p : snapshot.partitions()) {
            rows.add(new Row(EsmMetric.OFFSET_LAG.awsName(), p.partition(), p.lag()));
        }
        long at = snapshot.at().toEpochMilli();
        long minute = at - Math.floorMod(at, MINUTE_MS);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                insert(c, snapshot.mappingUuid(), rows, RAW, at);
                int[] updated = addToMinute(c, snapshot.mappingUuid(), rows, minute);
                List<Row> fresh = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    if (updated[i] == 0) {
                        fresh.add(rows.get(i));
                    }
                }
                insert(c, snapshot.mappingUuid(), fresh, MINUTE, minute);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new MetricStoreException("Cannot store the metrics sample of mapping " + snapshot.mappingUuid()
                    + " taken at " + snapshot.at() + ": " + e.getMessage(), e);
        }
    }

    private static void insert(Connection c, String uuid, List<Row> rows, int tier, long bucket) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Row r : rows) {
                ps.setString(1, uuid);
                ps.setString(2, r.metric());
                ps.setInt(3, r.partition());
                ps.setInt(4, tier);
                ps.setLong(5, bucket);
                ps.setDouble(6, r.value());
                ps.setDouble(7, r.value());
                ps.setDouble(8, r.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static int[] addToMinute(Connection c, String uuid, List<Row> rows, long minute) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = c.prepareStatement(ADD_TO_MINUTE)) {
            for (Row r : rows) {
                ps.setDouble(1, r.value());
                ps.setDouble(2, r.value());
                ps.setDouble(3, r.value());
                ps.setString(4, uuid);
                ps.setString(5, r.metric());
                ps.setInt(6, r.partition());
                ps.setLong(7, minute);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }

    /**
     * A range of one metric. Reads the full-resolution tier when the resolution is finer than a minute and the range
     * is still within its retention, else the minute tier (resolution rounded up to whole minutes).
     */
    public MetricSeries query(MetricQuery q, Instant now) {
        boolean raw = q.resolution().compareTo(MetricsSettings.MINUTE) < 0
                && !q.from().isBefore(now.minus(settings.rawRetention()));
        Duration resolution = raw ? q.resolution() : roundUpToMinutes(q.resolution());
        long width = resolution.toMillis();
        List<MetricPoint> points = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SERIES)) {
            ps.setLong(1, width);
            ps.setString(2, q.mappingUuid());
            ps.setString(3, q.metric().awsName());
            ps.setInt(4, q.partition() == null ? WHOLE_MAPPING : q.partition());
            ps.setInt(5, raw ? RAW : MINUTE);
            ps.setLong(6, q.from().toEpochMilli() - (raw ? 0 : Math.floorMod(q.from().toEpochMilli(), MINUTE_MS)));
            ps.setLong(7, q.to().toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double total = rs.getDouble(2);
                    long samples = rs.getLong(3);
                    double value = q.metric().kind() == EsmMetric.Kind.COUNTER ? total : total / samples;
                    points.add(new MetricPoint(Instant.ofEpochMilli(rs.getLong(1)), value, rs.getDouble(4),
                            rs.getDouble(5), samples));
                }
            }
        } catch (SQLException e) {
            throw new MetricStoreException("Cannot read metric " + q.metric() + " of mapping " + q.mappingUuid()
                    + ": " + e.getMessage(), e);
        }
        return new MetricSeries(q, resolution, raw ? "raw" : "minute", points);
    }

    private static Duration roundUpToMinutes(Duration d) {
        long minutes = Math.max(1, (d.toMillis() + MINUTE_MS - 1) / MINUTE_MS);
        return Duration.ofMinutes(minutes);
    }

    /** Deletes samples older than the raw retention and minutes older than the minute retention; returns rows deleted. */
    public int prune(Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM metric_point WHERE tier = ? AND bucket_ms < ?")) {
            ps.setInt(1, RAW);
            ps.setLong(2, now.minus(settings.rawRetention()).toEpochMilli());
            int deleted = ps.executeUpdate();
            ps.setInt(1, MINUTE);
            ps.setLong(2, now.minus(settings.minuteRetention()).toEpochMilli());
            return deleted + ps.executeUpdate();
        } catch (SQLException e) {
            throw new MetricStoreException("Cannot apply the metrics retention: " + e.getMessage(), e);
        }
    }

    /** Every metric name stored for a mapping (for the CLI's listing). */
    public List<String> metricsOf(String mappingUuid) {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT metric FROM metric_point WHERE mapping_uuid = ? ORDER BY metric")) {
            ps.setString(1, mappingUuid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new MetricStoreException("Cannot list the metrics of mapping " + mappingUuid + ": " + e.getMessage(), e);
        }
        return out;
    }
}
