package io.triggerlab.engine.runtime.payload;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one event grouped by partition: groups in order of first appearance, records within a group in
 * the order given. Built once per event and used by both the size pass and the write pass.
 */
final class PartitionGroups {

    private final List<ConsumerRecord<byte[], byte[]>> records;
    /** Record indices, group after group. */
    private final int[] order;
    /** Group g's records are {@code order[start[g]] .. order[start[g + 1] - 1]}. */
    private final int[] start;

    private PartitionGroups(List<ConsumerRecord<byte[], byte[]>> records, int[] order, int[] start) {
        this.records = records;
        this.order = order;
        this.start = start;
    }

    static PartitionGroups of(List<ConsumerRecord<byte[], byte[]>> records) {
        int n = records.size();
        int[] groupOf = new int[n];
        int[] counts = new int[Math.max(1, n)];
        Map<TopicPartition, Integer> index = new HashMap<>();
        int groups = 0;
        String lastTopic = null;
        int lastPartition = -1;
        int lastGroup = -1;
        for (int i = 0; i < n; i++) {
            ConsumerRecord<byte[], byte[]> r = records.get(i);
            // Polled records come in runs of one partition: only look the group up when the partition changes.
            if (r.partition() != lastPartition || !r.topic().equals(lastTopic)) {
                lastTopic = r.topic();
                lastPartition = r.partition();
                Integer g = index.putIfAbsent(new TopicPartition(lastTopic, lastPartition), groups);
                lastGroup = g == null ? groups++ : g;
            }
            groupOf[i] = lastGroup;
            counts[lastGroup]++;
        }
        int[] start = new int[groups + 1];
        for (int g = 0; g < groups; g++) {
            start[g + 1] = start[g] + counts[g];
        }
        int[] next = java.util.Arrays.copyOf(start, groups);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[next[groupOf[i]]++] = i;
        }
        return new PartitionGroups(records, order, start);
    }

    int groupCount() {
        return start.length - 1;
    }

    int groupSize(int group) {
        return start[group + 1] - start[group];
    }

    /** The {@code i}-th record of {@code group}. */
    ConsumerRecord<byte[], byte[]> record(int group, int i) {
        return records.get(order[start[group] + i]);
    }
}
