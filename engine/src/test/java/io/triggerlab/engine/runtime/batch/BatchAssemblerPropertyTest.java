package io.triggerlab.engine.runtime.batch;

import io.triggerlab.engine.runtime.payload.EventSource;
import io.triggerlab.engine.runtime.payload.KafkaEventWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.triggerlab.engine.runtime.batch.BatchAssemblerTest.perPartition;
import static io.triggerlab.engine.runtime.payload.TestRecords.sized;
import static org.assertj.core.api.Assertions.assertThat;

/** Random arrivals, limits and drains: batches stay within limits, exact in size, complete and in partition order. */
class BatchAssemblerPropertyTest {

    private final KafkaEventWriter writer = new KafkaEventWriter(EventSource.msk("arn:aws:kafka:us-east-1:1:cluster/c/1", "b:9098"));

    @Test
    void everyBatchIsExactAndWithinLimits_andNoRecordIsLostOrReordered() {
        SplittableRandom random = new SplittableRandom(6_291_456);
        for (int run = 0; run < 150; run++) {
            BatchPolicy policy = new BatchPolicy(1 + random.nextInt(40), Duration.ofMillis(random.nextInt(50)),
                    400 + random.nextInt(20_000));
            BatchAssembler assembler = new BatchAssembler(policy, writer);
            List<ConsumerRecord<byte[], byte[]>> added = new ArrayList<>();
            List<Batch> batches = new ArrayList<>();
            Map<Integer, Long> nextOffset = new HashMap<>();
            Instant now = Instant.EPOCH;
            for (int step = 0; step < 300; step++) {
                now = now.plusMillis(random.nextInt(5));
                if (random.nextInt(3) > 0) {
                    int partition = random.nextInt(5);
                    long offset = nextOffset.merge(partition, 1L, Long::sum) - 1;
                    ConsumerRecord<byte[], byte[]> r = sized("topic", partition, offset, random.nextInt(4) == 0 ? random.nextInt(25_000) : random.nextInt(800));
                    assembler.add(r, now);
                    added.add(r);
                }
                if (random.nextInt(7) == 0) {
                    assembler.removePartitions(List.of(new TopicPartition("topic", random.nextInt(5))));
                    added.removeIf(r -> !assembler.bufferedPartitions().contains(new TopicPartition(r.topic(), r.partition()))
                            && !drained(batches, r));
                }
                if (assembler.isReady(now)) {
                    batches.add(assembler.drain());
                }
            }
            batches.addAll(BatchAssemblerTest.drainAll(assembler));

            for (Batch b : batches) {
                assertThat(b.payloadBytes()).as("run %d", run).isEqualTo(writer.write(b.records()).length);
                assertThat(b.size()).isLessThanOrEqualTo(policy.batchSize());
                if (b.oversized()) {
                    assertThat(b.size()).isEqualTo(1);
                    assertThat(b.payloadBytes()).isGreaterThan(policy.maxPayloadBytes());
                } else {
                    assertThat(b.payloadBytes()).isLessThanOrEqualTo(policy.maxPayloadBytes());
                    assertThat(b.isEmpty()).isFalse();
                }
            }
            assertThat(perPartition(BatchAssemblerTest.concat(batches))).as("run %d", run).isEqualTo(perPartition(added));
        }
    }

    private static boolean drained(List<Batch> batches, ConsumerRecord<byte[], byte[]> r) {
        return batches.stream().anyMatch(b -> b.records().contains(r));
    }
}
