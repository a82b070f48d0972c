package io.triggerlab.engine.observe.metrics;

import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.controlplane.mapping.StartingPosition;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the metrics need to know about a running mapping: where its consumer group reads, where it starts when it has
 * not committed yet (the lag of a partition without a committed offset counts from there), and its scaling mode.
 *
 * @param clientProperties          kafka-clients properties to reach the cluster (bootstrap servers and security)
 * @param startingPositionTimestamp for {@code AT_TIMESTAMP}, else null
 * @param provisioned               {@code ProvisionedPollerConfig}, or null in on-demand mode
 */
public record MonitoredMapping(String mappingUuid, String topic, String groupId, Map<String, Object> clientProperties,
                               StartingPosition startingPosition, Instant startingPositionTimestamp,
                               ProvisionedPollerConfig provisioned) {

    public MonitoredMapping {
        Objects.requireNonNull(mappingUuid, "mappingUuid");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(groupId, "groupId");
        clientProperties = Map.copyOf(clientProperties);
        Objects.requireNonNull(startingPosition, "startingPosition");
        if (startingPosition == StartingPosition.AT_TIMESTAMP) {
            Objects.requireNonNull(startingPositionTimestamp, "startingPositionTimestamp (AT_TIMESTAMP needs one)");
        }
    }
}
