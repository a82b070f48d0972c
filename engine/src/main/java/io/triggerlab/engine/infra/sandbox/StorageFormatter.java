package io.triggerlab.engine.infra.sandbox;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Formats a new KRaft log directory once, like {@code kafka-storage.sh format}; a formatted one is kept as it is. */
final class StorageFormatter {

    private StorageFormatter() {
    }

    static void formatIfNeeded(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(SandboxListener.CONTROLLER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
        } catch (IOException e) {
            throw new BrokerStartException("Cannot prepare the broker data directory " + logDir + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new BrokerStartException("Cannot format the broker data directory " + logDir + ": " + e.getMessage(), e);
        }
    }
}
