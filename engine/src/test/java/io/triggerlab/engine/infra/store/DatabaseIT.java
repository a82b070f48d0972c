package io.triggerlab.engine.infra.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real H2 database in file mode, in a temporary directory. */
class DatabaseIT {

    @TempDir
    Path root;

    @Test
    void appliesTheVersionedMigrations_whenOpenedTheFirstTime() throws SQLException {
        try (Database db = Database.open(root.resolve("db").resolve("triggerlab"))) {
            List<String> applied = query(db.dataSource(),
                    "SELECT \"version\" || ':' || \"script\" || ':' || \"success\" FROM \"flyway_schema_history\""
                            + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"");

            assertThat(applied).first().isEqualTo("1:V1__engine_settings.sql:TRUE");
            assertThat(applied).allSatisfy(row -> assertThat(row).endsWith(":TRUE"));
            assertThat(query(db.dataSource(), "SELECT COUNT(*) FROM engine_setting")).containsExactly("0");
        }
        assertThat(root.resolve("db").resolve("triggerlab.mv.db")).exists();
    }

    @Test
    void keepsItsData_whenClosedAndOpenedAgain() throws SQLException {
        Path file = root.resolve("db").resolve("triggerlab");
        int migrationsApplied;
        try (Database db = Database.open(file)) {
            execute(db.dataSource(), "INSERT INTO engine_setting (name, setting_value) VALUES ('region', 'eu-west-1')");
            migrationsApplied = countHistory(db);
        }

        try (Database reopened = Database.open(file)) {
            assertThat(query(reopened.dataSource(), "SELECT setting_value FROM engine_setting WHERE name = 'region'"))
                    .containsExactly("eu-west-1");
            assertThat(countHistory(reopened)).as("no migration runs twice").isEqualTo(migrationsApplied);
        }
    }

    private static int countHistory(Database db) throws SQLException {
        return Integer.parseInt(query(db.dataSource(), "SELECT COUNT(*) FROM \"flyway_schema_history\"").get(0));
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static List<String> query(DataSource ds, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
