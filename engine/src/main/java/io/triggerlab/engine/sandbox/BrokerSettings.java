package io.triggerlab.engine.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the embedded broker.
 *
 * @param dataDirectory   where the broker keeps its log (temporary in tests, under the TriggerLab home otherwise)
 * @param port            the PLAINTEXT port, or 0 for a free one chosen at start
 * @param startupTimeout  a start that takes longer fails instead of hanging
 * @param extraProperties broker properties layered on top of the defaults (listeners for auth, for example)
 */
public record BrokerSettings(Path dataDirectory, int port, Duration startupTimeout, Map<String, String> extraProperties) {

    public BrokerSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Broker port " + port + " is out of range: must be 0..65535 (0 = any free port)");
        }
        startupTimeout = startupTimeout == null ? Duration.ofSeconds(60) : startupTimeout;
        extraProperties = Map.copyOf(extraProperties == null ? Map.of() : extraProperties);
    }

    public static BrokerSettings inDirectory(Path dataDirectory) {
        return new BrokerSettings(dataDirectory, 0, Duration.ofSeconds(60), Map.of());
    }

    public BrokerSettings withPort(int newPort) {
        return new BrokerSettings(dataDirectory, newPort, startupTimeout, extraProperties);
    }
}
