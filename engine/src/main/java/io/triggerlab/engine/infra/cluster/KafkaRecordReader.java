package io.triggerlab.engine.infra.cluster;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads records of a topic for a person to look at, without a consumer group: it assigns partitions itself, seeks,
 * reads up to the end offsets it saw at the start, and commits nothing, so no trigger's position moves. Each call
 * opens and closes its own consumer, as {@link KafkaTopicCatalog} does with its Admin client.
 */
public final class KafkaRecordReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private final ClusterEndpoint cluster;

    public KafkaRecordReader(ClusterEndpoint cluster) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
    }

    /**
     * @throws IllegalArgumentException    when the topic or partition does not exist
     * @throws ClusterUnavailableException when the cluster does not answer in time
     */
    public List<StoredRecord> read(RecordQuery query) {
        Map<String, Object> config = cluster.groupLessConsumerProperties("triggerlab-record-reader");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, RecordQuery.MAX_LIMIT);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, query);
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> starts = starts(consumer, query, partitions, begins, ends);
            List<StoredRecord> read = new ArrayList<>();
            Map<TopicPartition, Long> stops = new HashMap<>();
            boolean startGiven = query.fromOffset() != null || query.fromTime() != null;
            for (TopicPartition tp : partitions) {
                long start = starts.get(tp);
                long from;
                long stop;
                if (query.newestFirst()) {
                    // Newest first: the window ending at the end, or at the start point (that record included).
                    stop = startGiven ? Math.min(ends.get(tp), start + 1) : ends.get(tp);
                    from = Math.max(begins.get(tp), stop - query.limit());
                } else {
                    from = start;
                    stop = Math.min(ends.get(tp), start + query.limit());
                }
                if (from < stop) {
                    stops.put(tp, stop);
                    starts.put(tp, from);
                }
            }
            consumer.assign(stops.keySet());
            stops.keySet().forEach(tp -> consumer.seek(tp, starts.get(tp)));
            readUntil(consumer, stops, read);
            Comparator<StoredRecord> order = Comparator.comparing(StoredRecord::timestamp)
                    .thenComparingInt(StoredRecord::partition).thenComparingLong(StoredRecord::offset);
            read.sort(query.newestFirst() ? order.reversed() : order);
            return read.size() > query.limit() ? List.copyOf(read.subList(0, query.limit())) : List.copyOf(read);
        } catch (TimeoutException e) {
            throw new ClusterUnavailableException("Cannot read topic " + query.topic() + " of the cluster at "
                    + cluster.bootstrapServers() + ": it did not answer within " + cluster.timeout().toSeconds() + " s",
                    e);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, RecordQuery query) {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(cluster.timeout());
        List<PartitionInfo> infos = topics.get(query.topic());
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("Topic " + query.topic() + " is not on the cluster at "
                    + cluster.bootstrapServers());
        }
        List<TopicPartition> all = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
        if (query.partition() == null) {
            return all;
        }
        TopicPartition one = new TopicPartition(query.topic(), query.partition());
        if (!all.contains(one)) {
            throw new IllegalArgumentException("Topic " + query.topic() + " has no partition " + query.partition()
                    + ": it has partitions 0.." + (all.size() - 1));
        }
        return List.of(one);
    }

    private Map<TopicPartition, Long> starts(KafkaConsumer<byte[], byte[]> consumer, RecordQuery query,
                                             List<TopicPartition> partitions, Map<TopicPartition, Long> begins,
                                             Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> starts = new HashMap<>();
        Map<TopicPartition, OffsetAndTimestamp> byTime = null;
        if (query.fromTime() != null) {
            Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(tp -> times.put(tp, query.fromTime().toEpochMilli()));
            byTime = consumer.offsetsForTimes(times);
        }
        for (TopicPartition tp : partitions) {
            long start;
            if (query.fromOffset() != null) {
                start = query.fromOffset();
            } else if (byTime != null) {
                OffsetAndTimestamp found = byTime.get(tp);
                start = found == null ? ends.get(tp) : found.offset();
            } else {
                start = begins.get(tp);
            }
            starts.put(tp, Math.max(begins.get(tp), Math.min(start, ends.get(tp))));
        }
        return starts;
    }

    private void readUntil(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> stops,
                           List<StoredRecord> read) {
        Map<TopicPartition, Long> remaining = new HashMap<>(stops);
        long deadline = System.nanoTime() + cluster.timeout().toNanos();
        while (!remaining.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                Long stop = remaining.get(tp);
                if (stop != null && r.offset() < stop) {
                    read.add(stored(r));
                }
            }
            remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        }
    }

    private static StoredRecord stored(ConsumerRecord<byte[], byte[]> r) {
        List<TestRecord.Header> headers = new ArrayList<>();
        for (Header h : r.headers()) {
            headers.add(new TestRecord.Header(h.key(), h.value()));
        }
        return new StoredRecord(r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()),
                r.timestampType().name(), r.key(), r.value(), headers);
    }
}
