package io.triggerlab.engine.runtime.batch;

import io.triggerlab.engine.runtime.payload.EventSource;
import io.triggerlab.engine.runtime.payload.KafkaEventWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Collects polled records into Lambda batches (docs/aws-behaviour.md#batching). Pure and clock-driven: time is passed in, so the poll loop
 * decides what "now" is and tests need no waiting.
 *
 * <p>A batch is ready when it holds {@code batchSize} records (across partitions), when the window has passed since its
 * first record, or when no further record could fit under the payload limit. {@link #drain()} takes the records that
 * fit, in arrival order: a record that would push the event over the limit stays buffered, and so do all later records
 * of its partition, so per-partition order never breaks; records of other partitions may still fill the batch.
 * Sizes come from {@link KafkaEventWriter}'s exact arithmetic, so nothing is serialized to measure it.
 *
 * <p>Not thread-safe: owned by the one poll thread of a consumer.
 */
public final class BatchAssembler {

    /** The smallest record any event can hold: one-char topic, zero offsets, no key, value or headers. */
    private static final long SMALLEST_RECORD = KafkaEventWriter.recordSize(new ConsumerRecord<>("t", 0, 0L, 0L,
            TimestampType.CREATE_TIME, -1, -1, null, null, new RecordHeaders(), Optional.empty()));

    private final BatchPolicy policy;
    private final KafkaEventWriter sizing;
    private final ArrayDeque<Pending> buffer = new ArrayDeque<>();
    /** Buffered records per partition, as a mutable count so the per-record bookkeeping boxes nothing. */
    private final Map<TopicPartition, int[]> bufferedPerPartition = new HashMap<>();
    private long bufferedPartitionBytes;
    private long bufferedRecordBytes;
    /** Polls return runs of one partition: its key and sizes are worked out once per run, not per record. */
    private TopicPartition lastPartition;
    private long lastPartitionBytes;
    private int lastTopicBodySize;
    private TopicPartition countedPartition;
    private int[] countedPartitionCounter;

    public BatchAssembler(BatchPolicy policy, KafkaEventWriter writer) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sizing = Objects.requireNonNull(writer, "writer");
    }

    public BatchAssembler(BatchPolicy policy, EventSource source) {
        this(policy, new KafkaEventWriter(source));
    }

    public BatchPolicy policy() {
        return policy;
    }

    /** Buffers a polled record; the first record of an empty buffer starts the window. */
    public void add(ConsumerRecord<byte[], byte[]> record, Instant now) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(now, "now");
        if (lastPartition == null || lastPartition.partition() != record.partition()
                || !lastPartition.topic().equals(record.topic())) {
            lastPartition = new TopicPartition(record.topic(), record.partition());
            lastPartitionBytes = KafkaEventWriter.partitionSize(lastPartition);
            lastTopicBodySize = KafkaEventWriter.topicBodySize(record.topic());
        }
        Pending pending = new Pending(record, lastPartition, now,
                KafkaEventWriter.recordSize(record, lastTopicBodySize), lastPartitionBytes);
        buffer.addLast(pending);
        account(pending, +1);
    }

    /** True when {@link #drain()} should be called now: count reached, window elapsed, or payload full. */
    public boolean isReady(Instant now) {
        if (buffer.isEmpty()) {
            return false;
        }
        return isFull() || !now.isBefore(buffer.peekFirst().arrival().plus(policy.window()));
    }

    /**
     * When the next batch is due: the end of the current window, or, when a full batch is buffered already, the first
     * record's arrival (so, already past). Empty when nothing is buffered. The poll loop sizes its poll timeout by it,
     * so it must not wait out the window for records it would only add to the buffer: with BatchSize 100 and the
     * default 500 ms window that wait capped a backlog at about 2,500 records/s (bench/README.md).
     */
    public Optional<Instant> deadline() {
        Pending first = buffer.peekFirst();
        if (first == null) {
            return Optional.empty();
        }
        return Optional.of(isFull() ? first.arrival() : first.arrival().plus(policy.window()));
    }

    /** A batch is full by count, or no further record could fit under the payload limit. */
    private boolean isFull() {
        return buffer.size() >= policy.batchSize() || bufferedEventSize() + SMALLEST_RECORD > policy.maxPayloadBytes();
    }

    /**
     * Takes the next batch: at most {@code batchSize} records whose event is at most {@code maxPayloadBytes}. The rest
     * stays buffered, and the window restarts at the arrival of the first record left. If the oldest buffered record
     * cannot fit even alone, it is returned by itself as an {@link Batch#oversized() oversized} batch. Returns an empty
     * batch when nothing is buffered.
     */
    public Batch drain() {
        Pending head = buffer.peekFirst();
        if (head == null) {
            return Batch.of(List.of(), sizing.emptyEventSize(), false);
        }
        long alone = sizing.eventSize(head.partitionBytes(), head.recordBytes());
        if (alone > policy.maxPayloadBytes()) {
            take(buffer.pollFirst());
            return Batch.of(List.of(head.record()), alone, true);
        }
        List<ConsumerRecord<byte[], byte[]>> taken = new ArrayList<>(Math.min(buffer.size(), policy.batchSize()));
        Set<TopicPartition> inBatch = new HashSet<>();
        Set<TopicPartition> heldBack = new HashSet<>();
        long partitionBytes = 0;
        long recordBytes = 0;
        // Buffered records come in runs of one partition (sharing one key): the sets are asked once per run.
        TopicPartition run = null;
        boolean runHeldBack = false;
        boolean runInBatch = false;
        Iterator<Pending> it = buffer.iterator();
        while (it.hasNext() && taken.size() < policy.batchSize()) {
            Pending p = it.next();
            if (p.partition() != run) {
                run = p.partition();
                runHeldBack = heldBack.contains(run);
                runInBatch = inBatch.contains(run);
            }
            if (runHeldBack) {
                continue;
            }
            long addedPartition = runInBatch ? 0 : p.partitionBytes();
            long size = sizing.eventSize(partitionBytes + addedPartition, recordBytes + p.recordBytes());
            if (size > policy.maxPayloadBytes()) {
                heldBack.add(run); // it and its partition's later records wait for the next batch
                runHeldBack = true;
                if (policy.maxPayloadBytes() - sizing.eventSize(partitionBytes, recordBytes) < SMALLEST_RECORD) {
                    break; // full: nothing else could fit
                }
                continue;
            }
            if (!runInBatch) {
                inBatch.add(run);
                runInBatch = true;
            }
            partitionBytes += addedPartition;
            recordBytes += p.recordBytes();
            taken.add(p.record());
            it.remove();
            take(p);
        }
        return Batch.of(taken, sizing.eventSize(partitionBytes, recordBytes), false);
    }

    public int bufferedCount() {
        return buffer.size();
    }

    public Set<TopicPartition> bufferedPartitions() {
        return Set.copyOf(bufferedPerPartition.keySet());
    }

    /** Drops the buffered records of {@code partitions}, e.g. when a rebalance revokes them. */
    public void removePartitions(Collection<TopicPartition> partitions) {
        Set<TopicPartition> revoked = new HashSet<>(partitions);
        buffer.removeIf(p -> {
            if (revoked.contains(p.partition())) {
                take(p);
                return true;
            }
            return false;
        });
    }

    /** The size of one event holding everything buffered. */
    private long bufferedEventSize() {
        return sizing.eventSize(bufferedPartitionBytes, bufferedRecordBytes);
    }

    /** Removes {@code p} from the buffer's size accounting. */
    private void take(Pending p) {
        account(p, -1);
    }

    private void account(Pending p, int sign) {
        bufferedRecordBytes += sign * p.recordBytes();
        // The last partition's counter while it is in the map (it leaves only at zero): one lookup per run of records.
        int[] counter = p.partition() == countedPartition && countedPartitionCounter[0] > 0 ? countedPartitionCounter
                : bufferedPerPartition.computeIfAbsent(p.partition(), tp -> new int[1]);
        countedPartition = p.partition();
        countedPartitionCounter = counter;
        int count = counter[0] += sign;
        if (sign > 0 && count == 1) {
            bufferedPartitionBytes += p.partitionBytes();
        } else if (sign < 0 && count == 0) {
            bufferedPerPartition.remove(p.partition());
            bufferedPartitionBytes -= p.partitionBytes();
        }
    }

    private record Pending(ConsumerRecord<byte[], byte[]> record, TopicPartition partition, Instant arrival,
                           long recordBytes, long partitionBytes) {
    }
}
