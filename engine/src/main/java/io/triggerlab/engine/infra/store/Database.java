package io.triggerlab.engine.infra.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * The engine's H2 database in file mode. Its schema is created and evolved only by the versioned Flyway migrations
 * in {@code db/migration}; no code creates tables.
 */
public final class Database implements AutoCloseable {

    private final JdbcConnectionPool pool;

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** Opens (creating if needed) the database at the given file path (without H2's {@code .mv.db} suffix) and migrates it. */
    public static Database open(Path file) {
        String url = "jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        return openUrl(url);
    }

    /**
     * Opens an existing database file without migrating it, or empty when there is none yet: for a glance at what is
     * stored before the engine opens it. H2 in file mode lets one process at a time in, so close it before the
     * engine opens the same file.
     */
    public static java.util.Optional<Database> openExistingUnmigrated(Path file) {
        if (!java.nio.file.Files.exists(file.resolveSibling(file.getFileName() + ".mv.db"))) {
            return java.util.Optional.empty();
        }
        String url = "jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;IFEXISTS=TRUE";
        return java.util.Optional.of(new Database(JdbcConnectionPool.create(url, "triggerlab", "")));
    }

    /** An in-memory database, for tests that need SQL but no file. */
    public static Database inMemory(String name) {
        return openUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    private static Database openUrl(String url) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "triggerlab", "");
        pool.setMaxConnections(16);
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            pool.dispose();
            // Flyway's message spans many lines (SQL state, statement); the first one says what failed.
            throw new IllegalStateException("Cannot bring the TriggerLab database " + url + " up to date: "
                    + e.getMessage().lines().findFirst().orElse("") + " (see the cause for the failing statement)", e);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        return new Database(pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
