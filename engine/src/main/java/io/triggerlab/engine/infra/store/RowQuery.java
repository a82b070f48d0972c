package io.triggerlab.engine.infra.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A registry's lookup: one SELECT, at most one string parameter, each row read into one value. */
public final class RowQuery {

    /** Reads the current row of a result set. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private RowQuery() {
    }

    /**
     * The values of the rows {@code sql} selects.
     *
     * @param key  its one parameter, or {@code null} when it has none
     * @param what what is read, for the error, e.g. {@code clusters}
     * @throws IllegalStateException when the database cannot answer ({@code Cannot read clusters: …})
     */
    public static <T> List<T> list(DataSource dataSource, String sql, String key, String what, RowReader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (key != null) {
                s.setString(1, key);
            }
            List<T> result = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(reader.read(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + what + ": " + e.getMessage(), e);
        }
    }
}
