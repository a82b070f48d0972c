package io.triggerlab.engine.runtime.batch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records that go to the function in one event.
 *
 * @param records      in batch order; each partition's records in offset order
 * @param payloadBytes the exact size of the event {@code KafkaEventWriter.write(records)} produces
 * @param oversized    true when this is a single record whose event alone exceeds the payload limit: it cannot be
 *                     invoked, and the caller reports it as AWS's {@code MaximumPayloadSizeExceeded} and moves on
 * @param offsets      first and last offset per partition, in order of first appearance
 */
public record Batch(List<ConsumerRecord<byte[], byte[]>> records, long payloadBytes, boolean oversized,
                    Map<TopicPartition, OffsetRange> offsets) {

    public Batch {
        records = List.copyOf(records);
        offsets = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(offsets, "offsets")));
        if (oversized && records.size() != 1) {
            throw new IllegalArgumentException("An oversized batch holds exactly one record, not " + records.size());
        }
    }

    /** A batch whose offset ranges are taken from its records. */
    public static Batch of(List<ConsumerRecord<byte[], byte[]>> records, long payloadBytes, boolean oversized) {
        Map<TopicPartition, OffsetRange> offsets = new LinkedHashMap<>();
        // Records come in runs of one partition: one key and one range per run, not per record (10,000 per batch).
        TopicPartition run = null;
        long first = 0;
        long last = 0;
        for (ConsumerRecord<byte[], byte[]> r : records) {
            if (run == null || run.partition() != r.partition() || !run.topic().equals(r.topic())) {
                addRun(offsets, run, first, last);
                run = new TopicPartition(r.topic(), r.partition());
                first = r.offset();
            }
            last = r.offset();
        }
        addRun(offsets, run, first, last);
        return new Batch(records, payloadBytes, oversized, offsets);
    }

    /** A partition seen again later keeps its first offset and takes the later run's last. */
    private static void addRun(Map<TopicPartition, OffsetRange> offsets, TopicPartition run, long first, long last) {
        if (run != null) {
            offsets.merge(run, new OffsetRange(first, last), (range, next) -> new OffsetRange(range.first(), next.last()));
        }
    }

    public int size() {
        return records.size();
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }
}
