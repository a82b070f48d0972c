package io.triggerlab.engine.client;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.infra.store.DataDirectory;
import io.triggerlab.engine.infra.store.Database;
import io.triggerlab.engine.infra.store.MappingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * The triggers (event source mappings) stored in a data directory, read before the engine starts so a console can
 * show them while the broker starts. Holds the data directory's lock and the database only while it reads, so the
 * engine started afterwards on the same thread finds both free; call it before the engine starts, never beside it.
 */
public final class SavedTriggers {

    private static final Logger log = LoggerFactory.getLogger(SavedTriggers.class);

    private SavedTriggers() {
    }

    /**
     * Every stored mapping in creation order as last saved (their states are those the previous engine left), or an
     * empty list when there is no database yet or it cannot be read now (in use by another engine, older schema):
     * the engine's own start then reports what is wrong.
     */
    public static List<EventSourceMapping> read(Path dataDirectory) {
        try (DataDirectory directory = DataDirectory.open(dataDirectory)) {
            return Database.openExistingUnmigrated(directory.databaseFile()).map(database -> {
                try (database) {
                    return new MappingRepository(database.dataSource()).findAll();
                }
            }).orElse(List.of());
        } catch (RuntimeException e) {
            log.info("The saved triggers in {} could not be read before the engine starts ({}); the engine lists them "
                    + "once it runs", dataDirectory, e.getMessage());
            return List.of();
        }
    }
}
