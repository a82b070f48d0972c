package io.triggerlab.engine.infra.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to run the embedded broker.
 *
 * @param dataDirectory   where the broker keeps its log (temporary in tests, under the TriggerLab home otherwise)
 * @param listeners       the client-facing listeners; must contain the {@link SandboxListener#PLAINTEXT PLAINTEXT}
 *                        one, which the broker also uses to talk to itself
 * @param startupTimeout  a start that takes longer fails instead of hanging
 * @param extraProperties broker properties layered on top of the defaults, e.g. the
 *                        {@code listener.name.sasl_ssl.*} settings that belong to an extra listener
 */
public record BrokerSettings(Path dataDirectory, List<SandboxListener> listeners, Duration startupTimeout,
                             Map<String, String> extraProperties) {

    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

    public BrokerSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        listeners = List.copyOf(Objects.requireNonNull(listeners, "listeners"));
        requireUniqueNames(listeners);
        if (listeners.stream().noneMatch(l -> l.name().equals(SandboxListener.PLAINTEXT))) {
            throw new IllegalArgumentException("The sandbox broker needs a " + SandboxListener.PLAINTEXT
                    + " listener (the broker talks to itself on it); listeners given: " + names(listeners));
        }
        startupTimeout = startupTimeout == null ? DEFAULT_STARTUP_TIMEOUT : startupTimeout;
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("Broker startup timeout " + startupTimeout + " must be positive");
        }
        extraProperties = Map.copyOf(extraProperties == null ? Map.of() : extraProperties);
    }

    /** One PLAINTEXT listener on a free port, the default startup timeout, no extra properties. */
    public static BrokerSettings inDirectory(Path dataDirectory) {
        return new BrokerSettings(dataDirectory, List.of(SandboxListener.plaintext(0)), DEFAULT_STARTUP_TIMEOUT, Map.of());
    }

    /** The same settings with the PLAINTEXT listener on another port (0 = any free port). */
    public BrokerSettings withPort(int newPort) {
        return withListener(plaintextListener().withPort(newPort));
    }

    /** The same settings with this listener added, or replacing the one with the same name. */
    public BrokerSettings withListener(SandboxListener listener) {
        List<SandboxListener> updated = new ArrayList<>(listeners);
        updated.removeIf(l -> l.name().equals(listener.name()));
        updated.add(listener);
        return new BrokerSettings(dataDirectory, updated, startupTimeout, extraProperties);
    }

    public BrokerSettings withStartupTimeout(Duration timeout) {
        return new BrokerSettings(dataDirectory, listeners, timeout, extraProperties);
    }

    /** The same settings with these properties added (a key given again replaces the earlier value). */
    public BrokerSettings withExtraProperties(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(extraProperties);
        merged.putAll(more);
        return new BrokerSettings(dataDirectory, listeners, startupTimeout, merged);
    }

    public SandboxListener plaintextListener() {
        return listener(SandboxListener.PLAINTEXT);
    }

    /** The listener with this name, or an exception naming the listeners that exist. */
    public SandboxListener listener(String name) {
        return listeners.stream()
                .filter(l -> l.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The sandbox broker has no listener named " + name
                        + "; its listeners are " + names(listeners)));
    }

    private static void requireUniqueNames(List<SandboxListener> listeners) {
        Set<String> seen = new HashSet<>();
        for (SandboxListener l : listeners) {
            if (!seen.add(l.name())) {
                throw new IllegalArgumentException("Listener name " + l.name() + " is given twice: names must be unique");
            }
        }
    }

    private static List<String> names(List<SandboxListener> listeners) {
        return listeners.stream().map(SandboxListener::name).toList();
    }
}
