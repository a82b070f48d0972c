package io.triggerlab.engine.runtime.poll;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** kafka-clients settings for one poller of a mapping. */
public final class ConsumerProperties {

    private ConsumerProperties() {
    }

    public static Map<String, Object> forPoller(PollerConfig config, int pollerIndex) {
        Map<String, Object> p = new HashMap<>(config.clientProperties());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        // AWS's ESM logs name its consumers <uuid>-<n>.
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, config.mappingUuid() + "-" + pollerIndex);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // Offsets are committed only after the function succeeded, never in the background.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Used only when a committed offset has fallen out of the log (records expired); the starting position
        // for a group without offsets is applied explicitly on assignment.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.max(500, config.batchPolicy().batchSize()));
        // One invocation runs between two polls: the group must not evict us while the function works.
        long pollInterval = Math.max(Duration.ofMinutes(5).toMillis(), config.functionTimeout().plusMinutes(1).toMillis());
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, pollInterval));
        // Measured on this machine class: letting the OS size the socket buffer and larger fetches are worth ~40 %.
        p.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, -1);
        p.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        p.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        p.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        return p;
    }
}
