package io.triggerlab.engine.infra.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Tags of Lambda resources in H2 ({@code resource_tag}), keyed by the resource's ARN. A tag set is written in one
 * transaction, so a reader sees all of a TagResource call or none of it.
 */
public final class TagRepository {

    private final DataSource dataSource;

    public TagRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The resource's tags by key (sorted, so answers are stable); empty when it has none. */
    public SortedMap<String, String> find(String resourceArn) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT tag_key, tag_value FROM resource_tag WHERE resource_arn = ? ORDER BY tag_key")) {
            s.setString(1, resourceArn);
            SortedMap<String, String> tags = new TreeMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tags.put(rs.getString(1), rs.getString(2));
                }
            }
            return tags;
        } catch (SQLException e) {
            throw failure("read the tags of " + resourceArn, e);
        }
    }

    /** Adds the tags, replacing the values of keys the resource already has. */
    public void put(String resourceArn, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        inTransaction("tag " + resourceArn, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "MERGE INTO resource_tag (resource_arn, tag_key, tag_value) KEY (resource_arn, tag_key) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> tag : tags.entrySet()) {
                    s.setString(1, resourceArn);
                    s.setString(2, tag.getKey());
                    s.setString(3, tag.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    /** Removes the keys; a key the resource does not have is ignored. */
    public void remove(String resourceArn, Collection<String> keys) {
        inTransaction("untag " + resourceArn, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM resource_tag WHERE resource_arn = ? AND tag_key = ?")) {
                for (String key : keys) {
                    s.setString(1, resourceArn);
                    s.setString(2, key);
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    /** Forgets every tag of the resource (it was deleted). */
    public void removeAll(String resourceArn) {
        inTransaction("drop the tags of " + resourceArn, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM resource_tag WHERE resource_arn = ?")) {
                s.setString(1, resourceArn);
                s.executeUpdate();
            }
        });
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private void inTransaction(String what, Work work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("Cannot " + what + ": " + e.getMessage(), e);
    }
}
