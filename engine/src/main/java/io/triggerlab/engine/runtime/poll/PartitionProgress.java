package io.triggerlab.engine.runtime.poll;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Where each partition may be committed to: past the longest run of polled records, from the start, that are all
 * done — invoked successfully, filtered out, given up or skipped. A record still buffered or being retried holds
 * the commit point below it, so filtered-out records after it, or the succeeded half of a bisected batch, never
 * commit past it. Pure bookkeeping, owned by one poller thread.
 */
final class PartitionProgress {

    private static final class Track {
        /** Offsets polled and not yet part of the done run, in offset order (primitive: 10,000 per batch). */
        final OffsetQueue open = new OffsetQueue();
        /** Members of {@link #open} already done (out of order); empty while records are done in order. */
        final Set<Long> doneAhead = new HashSet<>();
        long donePoint = -1;
        long committedPoint = -1;
        int doneSinceCommit;
        /** Records an asynchronous commit in flight moves past (taken from doneSinceCommit when it was sent). */
        int inFlightRecords;
    }

    private final Map<TopicPartition, Track> tracks = new HashMap<>();
    /** Polls and batches come in runs of one partition: the last track used, so a run looks its partition up once. */
    private Track lastTrack;
    private String lastTopic;
    private int lastPartition = -1;

    /** A polled record that waits to be delivered (buffered for a batch). */
    void pending(ConsumerRecord<byte[], byte[]> record) {
        track(record).open.addLast(record.offset());
    }

    /** A record that needs nothing more: filtered out, delivered, given up or skipped. */
    void done(ConsumerRecord<byte[], byte[]> record) {
        Track t = track(record);
        long offset = record.offset();
        if (t.open.isEmpty()) {
            advance(t, offset);
            return;
        }
        if (offset == t.open.peekFirst() && t.doneAhead.isEmpty()) {
            advance(t, t.open.pollFirst()); // the usual case: done in the order polled
            return;
        }
        if (offset > t.open.peekLast()) {
            t.open.addLast(offset); // a filtered record behind records still open
        }
        t.doneAhead.add(offset);
        while (!t.open.isEmpty() && t.doneAhead.remove(t.open.peekFirst())) {
            advance(t, t.open.pollFirst());
        }
    }

    void done(Collection<ConsumerRecord<byte[], byte[]>> records) {
        records.forEach(this::done);
    }

    /** The commit points that moved since they were last {@link #committed}, with the records each moves past. */
    Map<TopicPartition, OffsetAndMetadata> uncommitted() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        tracks.forEach((tp, t) -> {
            if (t.donePoint > t.committedPoint) {
                out.put(tp, new OffsetAndMetadata(t.donePoint));
            }
        });
        return out;
    }

    /** How many records the given commit points move past. */
    int recordsIn(Map<TopicPartition, OffsetAndMetadata> offsets) {
        return sum(offsets, t -> t.doneSinceCommit);
    }

    /**
     * The commit points that moved, for an asynchronous commit about to be sent: the records they move past are
     * counted with that commit from now on ({@link #commitSucceeded} or, if it fails, {@link #commitFailed}).
     */
    Map<TopicPartition, OffsetAndMetadata> startCommit() {
        Map<TopicPartition, OffsetAndMetadata> out = uncommitted();
        out.keySet().forEach(tp -> {
            Track t = tracks.get(tp);
            t.inFlightRecords += t.doneSinceCommit;
            t.doneSinceCommit = 0;
        });
        return out;
    }

    /** How many records a commit sent by {@link #startCommit} moves past. */
    int recordsInFlight(Map<TopicPartition, OffsetAndMetadata> offsets) {
        return sum(offsets, t -> t.inFlightRecords);
    }

    private int sum(Map<TopicPartition, OffsetAndMetadata> offsets, ToIntFunction<Track> count) {
        int n = 0;
        for (TopicPartition tp : offsets.keySet()) {
            Track t = tracks.get(tp);
            n += t == null ? 0 : count.applyAsInt(t);
        }
        return n;
    }

    /** A commit sent by {@link #startCommit} reached the broker. */
    void commitSucceeded(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((tp, offset) -> {
            Track t = tracks.get(tp);
            if (t != null) {
                t.committedPoint = Math.max(t.committedPoint, offset.offset());
                t.inFlightRecords = 0;
            }
        });
    }

    /** A commit sent by {@link #startCommit} failed: its points stay uncommitted and go with the next commit. */
    void commitFailed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.keySet().forEach(tp -> {
            Track t = tracks.get(tp);
            if (t != null) {
                t.doneSinceCommit += t.inFlightRecords;
                t.inFlightRecords = 0;
            }
        });
    }

    /** The broker has these offsets now. */
    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((tp, offset) -> {
            Track t = tracks.get(tp);
            if (t != null && offset.offset() > t.committedPoint) {
                t.committedPoint = offset.offset();
                t.doneSinceCommit = 0;
            }
        });
    }

    /** Forgets partitions that were revoked or rewound: their records will be polled again. */
    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(tracks::remove);
        lastTrack = null;
        lastTopic = null;
        lastPartition = -1;
    }

    private Track track(ConsumerRecord<byte[], byte[]> record) {
        if (lastTrack == null || record.partition() != lastPartition || !record.topic().equals(lastTopic)) {
            lastTopic = record.topic();
            lastPartition = record.partition();
            lastTrack = tracks.computeIfAbsent(new TopicPartition(lastTopic, lastPartition), tp -> new Track());
        }
        return lastTrack;
    }

    private static void advance(Track t, long offset) {
        if (offset + 1 > t.donePoint) {
            t.donePoint = offset + 1;
        }
        t.doneSinceCommit++;
    }

    /** A growable ring of offsets, in the order added: no boxing per record. */
    private static final class OffsetQueue {
        private long[] ring = new long[64];
        private int head;
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        void addLast(long offset) {
            if (size == ring.length) {
                long[] bigger = new long[ring.length * 2];
                int tail = ring.length - head;
                System.arraycopy(ring, head, bigger, 0, tail);
                System.arraycopy(ring, 0, bigger, tail, head);
                ring = bigger;
                head = 0;
            }
            ring[(head + size) & (ring.length - 1)] = offset;
            size++;
        }

        long peekFirst() {
            return ring[head];
        }

        long peekLast() {
            return ring[(head + size - 1) & (ring.length - 1)];
        }

        long pollFirst() {
            long first = ring[head];
            head = (head + 1) & (ring.length - 1);
            size--;
            return first;
        }
    }
}
