package io.triggerlab.engine.infra.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Small engine-wide values that must survive a restart (for example the sandbox broker's last port). */
public final class EngineSettings {

    private final DataSource dataSource;

    public EngineSettings(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<String> get(String name) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT setting_value FROM engine_setting WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read engine setting " + name + ": " + e.getMessage(), e);
        }
    }

    public void put(String name, String value) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("MERGE INTO engine_setting (name, setting_value) KEY (name) VALUES (?, ?)")) {
            s.setString(1, name);
            s.setString(2, value);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store engine setting " + name + ": " + e.getMessage(), e);
        }
    }
}
