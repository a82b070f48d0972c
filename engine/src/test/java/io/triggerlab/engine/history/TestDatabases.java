package io.triggerlab.engine.history;

import io.triggerlab.engine.store.Database;

import java.nio.file.Path;
import java.util.UUID;

/**
 * Opens real H2 databases for the history tests.
 *
 * <p>V1 ({@code engine_setting}) names a column {@code value}, a reserved word in H2 2.x, so V1 fails on a plain URL.
 * Until V1 is fixed, these databases are opened with H2's {@code NON_KEYWORDS=VALUE}, passed through the name that
 * {@link Database} puts into its JDBC URL. It changes nothing for the history table. Remove it when V1 is fixed.
 */
final class TestDatabases {

    private static final String V1_WORKAROUND = ";NON_KEYWORDS=VALUE";

    private TestDatabases() {
    }

    static Database inMemory() {
        return Database.inMemory("history-" + UUID.randomUUID() + V1_WORKAROUND);
    }

    /** A file database at {@code dir/triggerlab}, the same file each time for the same {@code dir}. */
    static Database file(Path dir) {
        return Database.open(dir.resolve("triggerlab" + V1_WORKAROUND));
    }
}
