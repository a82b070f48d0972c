package io.triggerlab.engine.runtime.poll;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Applies the mapping's StartingPosition to newly assigned partitions for which the group has no committed offset.
 * A committed offset always wins (AWS: "If a custom ConsumerGroupId already has committed offsets, StartingPosition is
 * ignored").
 */
final class StartingOffsets {

    private final Consumer<byte[], byte[]> consumer;
    private final InitialPosition position;

    StartingOffsets(Consumer<byte[], byte[]> consumer, InitialPosition position) {
        this.consumer = consumer;
        this.position = position;
    }

    void apply(Collection<TopicPartition> assigned) {
        if (assigned.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(assigned));
        Set<TopicPartition> fresh = new HashSet<>();
        for (TopicPartition tp : assigned) {
            if (committed.get(tp) == null) {
                fresh.add(tp);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        if (position instanceof InitialPosition.Earliest) {
            consumer.seekToBeginning(fresh);
        } else if (position instanceof InitialPosition.Latest) {
            consumer.seekToEnd(fresh);
        } else if (position instanceof InitialPosition.AtTimestamp at) {
            Map<TopicPartition, Long> query = new HashMap<>();
            fresh.forEach(tp -> query.put(tp, at.timestamp().toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
            Set<TopicPartition> noneAfter = new HashSet<>();
            for (TopicPartition tp : fresh) {
                OffsetAndTimestamp hit = found.get(tp);
                if (hit == null) {
                    noneAfter.add(tp);
                } else {
                    consumer.seek(tp, hit.offset());
                }
            }
            if (!noneAfter.isEmpty()) {
                consumer.seekToEnd(noneAfter);
            }
        }
    }
}
