package io.triggerlab.engine.controlplane.mapping;

import java.util.List;
import java.util.Map;

/**
 * {@code SelfManagedEventSource}: {@code {"Endpoints":{"KAFKA_BOOTSTRAP_SERVERS":["host:port", …]}}}.
 *
 * @param endpoints endpoint type → endpoints; only {@value #KAFKA_BOOTSTRAP_SERVERS} is valid
 */
public record SelfManagedEventSource(Map<String, List<String>> endpoints) {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";

    public SelfManagedEventSource {
        endpoints = endpoints == null ? null : Map.copyOf(endpoints);
    }

    public static SelfManagedEventSource ofBootstrapServers(List<String> servers) {
        return new SelfManagedEventSource(Map.of(KAFKA_BOOTSTRAP_SERVERS, List.copyOf(servers)));
    }

    /** The {@code KAFKA_BOOTSTRAP_SERVERS} list, or an empty list. */
    public List<String> bootstrapServers() {
        return endpoints == null ? List.of() : endpoints.getOrDefault(KAFKA_BOOTSTRAP_SERVERS, List.of());
    }
}
