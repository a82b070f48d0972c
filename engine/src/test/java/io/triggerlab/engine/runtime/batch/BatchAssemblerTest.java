package io.triggerlab.engine.runtime.batch;

import io.triggerlab.engine.runtime.payload.EventSource;
import io.triggerlab.engine.runtime.payload.KafkaEventWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.triggerlab.engine.runtime.payload.TestRecords.sized;
import static org.assertj.core.api.Assertions.assertThat;

class BatchAssemblerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration LONG_WINDOW = Duration.ofSeconds(300);
    private final KafkaEventWriter writer = new KafkaEventWriter(EventSource.selfManaged("localhost:9092"));

    @Test
    void isReady_exactlyAtBatchSize_notOneBefore() {
        BatchAssembler assembler = assembler(BatchPolicy.of(3, LONG_WINDOW));
        assembler.add(sized("t", 0, 0, 10), T0);
        assembler.add(sized("t", 1, 0, 10), T0);
        assertThat(assembler.isReady(T0)).isFalse();

        assembler.add(sized("t", 0, 1, 10), T0);

        assertThat(assembler.isReady(T0)).isTrue();
        Batch batch = assembler.drain();
        assertThat(batch.size()).isEqualTo(3);
        assertThat(assembler.bufferedCount()).isZero();
        assertThat(assembler.isReady(T0)).isFalse();
    }

    @Test
    void drain_takesBatchSize_andKeepsTheOneOverForNextBatch() {
        BatchAssembler assembler = assembler(BatchPolicy.of(3, LONG_WINDOW));
        for (int i = 0; i < 4; i++) {
            assembler.add(sized("t", i % 2, i / 2, 10), T0);
        }

        Batch batch = assembler.drain();

        assertThat(offsetsOf(batch.records())).containsExactly("t-0@0", "t-1@0", "t-0@1");
        assertThat(batch.offsets()).containsExactly(
                Map.entry(new TopicPartition("t", 0), new OffsetRange(0, 1)),
                Map.entry(new TopicPartition("t", 1), new OffsetRange(0, 0)));
        assertThat(batch.offsets().get(new TopicPartition("t", 0)).nextOffset()).isEqualTo(2);
        assertThat(assembler.bufferedCount()).isEqualTo(1);
        assertThat(assembler.isReady(T0)).isFalse();
        assertThat(offsetsOf(assembler.drain().records())).containsExactly("t-1@1");
    }

    @Test
    void isReady_whenWindowElapsedSinceFirstRecord_notOneMillisecondBefore() {
        BatchAssembler assembler = assembler(BatchPolicy.of(100, Duration.ofMillis(500)));
        assembler.add(sized("t", 0, 0, 10), T0);
        assembler.add(sized("t", 0, 1, 10), T0.plusMillis(400));

        assertThat(assembler.deadline()).contains(T0.plusMillis(500));
        assertThat(assembler.isReady(T0.plusMillis(499))).isFalse();
        assertThat(assembler.isReady(T0.plusMillis(500))).isTrue();
    }

    @Test
    void deadlineIsAlreadyPast_whenAFullBatchIsBuffered_soThePollLoopDoesNotWaitOutTheWindow() {
        BatchAssembler assembler = assembler(BatchPolicy.of(2, Duration.ofMillis(500)));
        assembler.add(sized("t", 0, 0, 10), T0);
        assertThat(assembler.deadline()).contains(T0.plusMillis(500));

        assembler.add(sized("t", 0, 1, 10), T0.plusMillis(100));

        assertThat(assembler.deadline()).contains(T0);
        assertThat(assembler.isReady(T0.plusMillis(100))).isTrue();
    }

    @Test
    void windowRestartsAtFirstRemainingRecord_afterDrain() {
        BatchAssembler assembler = assembler(BatchPolicy.of(2, Duration.ofMillis(500)));
        assembler.add(sized("t", 0, 0, 10), T0);
        assembler.add(sized("t", 0, 1, 10), T0.plusMillis(100));
        assembler.add(sized("t", 0, 2, 10), T0.plusMillis(300));

        assembler.drain();

        assertThat(assembler.deadline()).contains(T0.plusMillis(800));
    }

    @Test
    void windowZero_isReadyAsSoonAsAnythingIsBuffered() {
        BatchAssembler assembler = assembler(BatchPolicy.of(100, Duration.ZERO));
        assertThat(assembler.isReady(T0)).isFalse();
        assertThat(assembler.deadline()).isEmpty();

        assembler.add(sized("t", 0, 0, 10), T0);

        assertThat(assembler.isReady(T0)).isTrue();
        assertThat(assembler.deadline()).contains(T0);
    }

    @Test
    void payloadLimit_exactFitStaysInOneBatch_oneByteLessSplitsIt() {
        List<ConsumerRecord<byte[], byte[]>> three = List.of(sized("t", 0, 0, 100), sized("t", 1, 0, 100), sized("t", 0, 1, 100));
        long exact = writer.write(three).length;

        BatchAssembler fits = assembler(new BatchPolicy(100, LONG_WINDOW, exact));
        three.forEach(r -> fits.add(r, T0));
        BatchAssembler tight = assembler(new BatchPolicy(100, LONG_WINDOW, exact - 1));
        three.forEach(r -> tight.add(r, T0));

        Batch whole = fits.drain();
        assertThat(whole.size()).isEqualTo(3);
        assertThat(whole.payloadBytes()).isEqualTo(exact);
        assertThat(tight.isReady(T0)).isTrue();
        Batch first = tight.drain();
        assertThat(offsetsOf(first.records())).containsExactly("t-0@0", "t-1@0");
        assertThat(first.payloadBytes()).isEqualTo(writer.write(first.records()).length).isLessThan(exact);
        assertThat(offsetsOf(tight.drain().records())).containsExactly("t-0@1");
    }

    @Test
    void sixMegabyteLimit_splitsIntoFullBatchesEachWithinLimit() {
        BatchAssembler assembler = assembler(BatchPolicy.of(10_000, LONG_WINDOW));
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            all.add(sized("orders", i % 3, i / 3, 1024));
        }
        all.forEach(r -> assembler.add(r, T0));
        assertThat(assembler.isReady(T0)).isTrue();

        List<Batch> batches = drainAll(assembler);

        assertThat(batches).hasSize(2);
        Batch first = batches.get(0);
        assertThat(first.payloadBytes()).isEqualTo(writer.write(first.records()).length).isLessThanOrEqualTo(6_291_456);
        List<ConsumerRecord<byte[], byte[]>> plusNext = new ArrayList<>(first.records());
        plusNext.add(batches.get(1).records().get(0));
        assertThat(writer.write(plusNext).length).as("the first batch is as full as possible").isGreaterThan(6_291_456);
        assertThat(batches.get(1).payloadBytes()).isEqualTo(writer.write(batches.get(1).records()).length);
        assertThat(first.size() + batches.get(1).size()).isEqualTo(6000);
        assertThat(perPartition(concat(batches))).isEqualTo(perPartition(all));
    }

    @Test
    void singleOversizedRecord_isReturnedAloneAndFlagged_thenTheRestFlows() {
        BatchAssembler assembler = assembler(new BatchPolicy(100, LONG_WINDOW, 2_000));
        assembler.add(sized("t", 0, 0, 10), T0);
        assembler.add(sized("t", 0, 1, 5_000), T0);
        assembler.add(sized("t", 0, 2, 10), T0);
        assertThat(assembler.isReady(T0)).isTrue();

        Batch before = assembler.drain();
        Batch oversized = assembler.drain();
        Batch after = assembler.drain();

        assertThat(offsetsOf(before.records())).containsExactly("t-0@0");
        assertThat(before.oversized()).isFalse();
        assertThat(oversized.oversized()).isTrue();
        assertThat(offsetsOf(oversized.records())).containsExactly("t-0@1");
        assertThat(oversized.payloadBytes()).isEqualTo(writer.write(oversized.records()).length).isGreaterThan(2_000);
        assertThat(offsetsOf(after.records())).containsExactly("t-0@2");
        assertThat(assembler.bufferedCount()).isZero();
    }

    @Test
    void recordThatDoesNotFit_holdsBackItsPartition_whileOtherPartitionsFillTheBatch() {
        List<ConsumerRecord<byte[], byte[]>> records = List.of(
                sized("t", 0, 0, 300), sized("t", 1, 0, 1_500), sized("t", 1, 1, 10), sized("t", 0, 1, 10));
        long limit = writer.write(List.of(records.get(1), records.get(2))).length;
        BatchAssembler assembler = assembler(new BatchPolicy(100, LONG_WINDOW, limit));
        records.forEach(r -> assembler.add(r, T0));

        List<Batch> batches = drainAll(assembler);

        assertThat(offsetsOf(batches.get(0).records())).containsExactly("t-0@0", "t-0@1");
        assertThat(offsetsOf(batches.get(1).records())).containsExactly("t-1@0", "t-1@1");
        batches.forEach(b -> assertThat(b.payloadBytes()).isEqualTo(writer.write(b.records()).length).isLessThanOrEqualTo(limit));
    }

    @Test
    void removePartitions_dropsRevokedRecordsAndTheirBytes() {
        BatchAssembler assembler = assembler(BatchPolicy.of(100, LONG_WINDOW));
        assembler.add(sized("t", 0, 0, 10), T0);
        assembler.add(sized("t", 1, 0, 10), T0.plusMillis(5));
        assembler.add(sized("t", 0, 1, 10), T0.plusMillis(10));
        assertThat(assembler.bufferedPartitions()).containsExactlyInAnyOrder(new TopicPartition("t", 0), new TopicPartition("t", 1));

        assembler.removePartitions(Set.of(new TopicPartition("t", 0)));

        assertThat(assembler.bufferedCount()).isEqualTo(1);
        assertThat(assembler.bufferedPartitions()).containsExactly(new TopicPartition("t", 1));
        assertThat(assembler.deadline()).contains(T0.plusMillis(5).plus(LONG_WINDOW));
        Batch batch = assembler.drain();
        assertThat(offsetsOf(batch.records())).containsExactly("t-1@0");
        assertThat(batch.payloadBytes()).isEqualTo(writer.write(batch.records()).length);
    }

    @Test
    void drain_ofEmptyBuffer_isAnEmptyBatch() {
        Batch batch = assembler(BatchPolicy.KAFKA_DEFAULTS).drain();

        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.oversized()).isFalse();
        assertThat(batch.payloadBytes()).isEqualTo(writer.emptyEventSize());
        assertThat(batch.offsets()).isEmpty();
    }

    private BatchAssembler assembler(BatchPolicy policy) {
        return new BatchAssembler(policy, writer);
    }

    static List<Batch> drainAll(BatchAssembler assembler) {
        List<Batch> batches = new ArrayList<>();
        while (assembler.bufferedCount() > 0) {
            batches.add(assembler.drain());
        }
        return batches;
    }

    static List<ConsumerRecord<byte[], byte[]>> concat(List<Batch> batches) {
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        batches.forEach(b -> all.addAll(b.records()));
        return all;
    }

    /** Each partition's offsets in the order they appear: what must never change. */
    static Map<TopicPartition, List<Long>> perPartition(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<TopicPartition, List<Long>> order = new java.util.HashMap<>();
        records.forEach(r -> order.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), k -> new ArrayList<>()).add(r.offset()));
        return order;
    }

    static List<String> offsetsOf(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> r.topic() + "-" + r.partition() + "@" + r.offset()).toList();
    }
}
