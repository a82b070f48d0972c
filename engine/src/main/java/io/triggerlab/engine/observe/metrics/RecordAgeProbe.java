package io.triggerlab.engine.observe.metrics;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Finds the timestamp of the next record to process on each lagging partition — the record at the group's committed
 * offset — by fetching it with a consumer outside the group (assign, seek, one small fetch). A partition's answer is
 * remembered until its committed offset moves, so a stuck or idle mapping costs no fetch at all.
 */
final class RecordAgeProbe implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration timeout;
    /** partition → {committed offset probed, timestamp of the record found there}. */
    private final Map<Integer, long[]> known = new HashMap<>();
    private final String topic;

    RecordAgeProbe(MonitoredMapping mapping, Map<String, Object> clientProperties, Duration timeout) {
        this.topic = mapping.topic();
        this.timeout = timeout;
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, mapping.mappingUuid() + "-age-probe");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // One record per partition is all we need: the broker still returns at least one whole batch.
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 1);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The oldest timestamp among the records at the given offsets (partition → committed offset), or empty when
     * none could be fetched in time.
     */
    OptionalLong oldestTimestamp(Map<Integer, Long> nextOffsets) {
        known.keySet().retainAll(nextOffsets.keySet());
        List<TopicPartition> toFetch = new ArrayList<>();
        nextOffsets.forEach((partition, offset) -> {
            long[] cached = known.get(partition);
            if (cached == null || cached[0] != offset) {
                known.remove(partition);
                toFetch.add(new TopicPartition(topic, partition));
            }
        });
        if (!toFetch.isEmpty()) {
            fetch(toFetch, nextOffsets);
        }
        return known.values().stream().mapToLong(v -> v[1]).min();
    }

    private void fetch(List<TopicPartition> partitions, Map<Integer, Long> nextOffsets) {
        try {
            consumer.assign(partitions);
            partitions.forEach(tp -> consumer.seek(tp, nextOffsets.get(tp.partition())));
            long deadline = System.nanoTime() + timeout.toNanos();
            int missing = partitions.size();
            while (missing > 0 && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (!known.containsKey(record.partition())) {
                        known.put(record.partition(), new long[]{nextOffsets.get(record.partition()), record.timestamp()});
                        consumer.pause(List.of(tp));
                        missing--;
                    }
                }
            }
        } catch (KafkaException e) {
            // The age is a nicety; the offset lag is still right. Try again on the next sample.
        } finally {
            consumer.assign(List.of());
        }
    }

    void forgetAll() {
        known.clear();
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }
}
