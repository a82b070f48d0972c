package io.triggerlab.engine.infra.store;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Event source mappings in H2 ({@code event_source_mapping}): the whole mapping as a JSON document, plus the columns
 * that lookups, conflict checks and the stable list order (creation order, {@code seq}) need.
 */
public final class MappingRepository {

    private final DataSource dataSource;
    private final MappingJson json = new MappingJson();
    private final TagRepository tags;

    public MappingRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.tags = new TagRepository(dataSource);
    }

    /** The tags of Lambda resources, in the same database (a mapping's tags live and die with it). */
    public TagRepository tags() {
        return tags;
    }

    /** One page of mappings in creation order, and whether more follow. {@code lastSeq} is the marker to continue from. */
    public record Slice(List<EventSourceMapping> mappings, long lastSeq, boolean more) {
    }

    /** Stores a new mapping, and the {@code Tags} it was created with under its ARN. */
    public void insert(EventSourceMapping m) {
        write("INSERT INTO event_source_mapping (function_arn, function_base_arn, event_source_arn, source_key, topic, "
                + "state, document, uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", m);
        tags.put(m.eventSourceMappingArn(), m.tags());
    }

    /** Replaces the stored mapping with the same UUID. */
    public void update(EventSourceMapping m) {
        int rows = write("UPDATE event_source_mapping SET function_arn = ?, function_base_arn = ?, event_source_arn = ?, "
                + "source_key = ?, topic = ?, state = ?, document = ? WHERE uuid = ?", m);
        if (rows == 0) {
            throw new IllegalStateException("Mapping " + m.uuid() + " is not stored, so it cannot be updated");
        }
    }

    /** Removes the mapping and its tags. */
    public boolean delete(String uuid) {
        find(uuid).ifPresent(m -> tags.removeAll(m.eventSourceMappingArn()));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM event_source_mapping WHERE uuid = ?")) {
            s.setString(1, uuid);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("delete mapping " + uuid, e);
        }
    }

    public Optional<EventSourceMapping> find(String uuid) {
        return query("SELECT seq, document FROM event_source_mapping WHERE uuid = ?", List.of(uuid)).stream().findFirst();
    }

    /** Every mapping, in creation order. */
    public List<EventSourceMapping> findAll() {
        return query("SELECT seq, document FROM event_source_mapping ORDER BY seq", List.of());
    }

    /** Mappings of one (event source, function ARN, topic) triple — the conflict check of CreateEventSourceMapping. */
    public List<EventSourceMapping> findBySource(String sourceKey, String functionArn, String topic) {
        return query("SELECT seq, document FROM event_source_mapping WHERE source_key = ? AND function_arn = ? "
                + "AND topic = ? ORDER BY seq", List.of(sourceKey, functionArn, topic));
    }

    /**
     * A page in creation order after {@code afterSeq} (0 = from the start). Each filter is ignored when {@code null};
     * {@code functionArn} matches exactly, {@code functionBaseArn} matches the function with any qualifier.
     */
    public Slice page(String eventSourceArn, String functionArn, String functionBaseArn, long afterSeq, int limit) {
        String sql = "SELECT seq, document FROM event_source_mapping WHERE seq > ?"
                + (eventSourceArn == null ? "" : " AND event_source_arn = ?")
                + (functionArn == null ? "" : " AND function_arn = ?")
                + (functionBaseArn == null ? "" : " AND function_base_arn = ?")
                + " ORDER BY seq LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setLong(i++, afterSeq);
            for (String filter : new String[]{eventSourceArn, functionArn, functionBaseArn}) {
                if (filter != null) {
                    s.setString(i++, filter);
                }
            }
            s.setInt(i, limit + 1);
            List<EventSourceMapping> mappings = new ArrayList<>();
            long lastSeq = afterSeq;
            boolean more = false;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (mappings.size() == limit) {
                        more = true; // the extra row asked for: another page follows
                        break;
                    }
                    mappings.add(json.read(rs.getString("document")));
                    lastSeq = rs.getLong("seq");
                }
            }
            return new Slice(List.copyOf(mappings), lastSeq, more);
        } catch (SQLException e) {
            throw failure("list mappings", e);
        }
    }

    /** {@code arn:aws:lambda:<r>:<a>:function:<name>} without the {@code :<qualifier>}. */
    static String unqualified(String functionArn) {
        String[] parts = functionArn.split(":");
        return parts.length > 7 ? String.join(":", java.util.Arrays.copyOf(parts, 7)) : functionArn;
    }

    private int write(String sql, EventSourceMapping m) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, m.functionArn());
            s.setString(2, unqualified(m.functionArn()));
            s.setString(3, m.eventSourceArn());
            s.setString(4, m.eventSourceKey());
            s.setString(5, m.topic());
            s.setString(6, m.state().name());
            s.setString(7, json.write(m));
            s.setString(8, m.uuid());
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure("store mapping " + m.uuid(), e);
        }
    }

    private List<EventSourceMapping> query(String sql, List<String> params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setString(i + 1, params.get(i));
            }
            List<EventSourceMapping> result = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(json.read(rs.getString("document")));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failure("read mappings", e);
        }
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("Cannot " + what + ": " + e.getMessage(), e);
    }
}
