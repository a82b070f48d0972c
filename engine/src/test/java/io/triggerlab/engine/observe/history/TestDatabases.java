package io.triggerlab.engine.observe.history;

import io.triggerlab.engine.infra.store.Database;

import java.nio.file.Path;
import java.util.UUID;

/** Opens real H2 databases for the history tests. */
final class TestDatabases {

    private TestDatabases() {
    }

    static Database inMemory() {
        return Database.inMemory("history-" + UUID.randomUUID());
    }

    /** A file database at {@code dir/triggerlab}, the same file each time for the same {@code dir}. */
    static Database file(Path dir) {
        return Database.open(dir.resolve("triggerlab"));
    }
}
