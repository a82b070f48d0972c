package io.triggerlab.engine.runtime.poll;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionProgressTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);

    private static ConsumerRecord<byte[], byte[]> r(int partition, long offset) {
        return new ConsumerRecord<>("t", partition, offset, null, null);
    }

    @Test
    void filteredRecords_areCommittedPast_onlyUpToTheFirstRecordStillOpen() {
        PartitionProgress progress = new PartitionProgress();
        progress.done(r(0, 0));       // filtered
        progress.pending(r(0, 1));    // buffered
        progress.done(r(0, 2));       // filtered behind it
        assertThat(progress.uncommitted()).isEqualTo(Map.of(P0, new OffsetAndMetadata(1)));

        progress.done(r(0, 1));       // delivered
        assertThat(progress.uncommitted()).isEqualTo(Map.of(P0, new OffsetAndMetadata(3)));
        assertThat(progress.recordsIn(progress.uncommitted())).isEqualTo(3);
    }

    @Test
    void thousandsOfOpenRecords_acrossPartitionsInRuns_commitOnlyPastTheDoneRunOfEach() {
        PartitionProgress progress = new PartitionProgress();
        for (long o = 0; o < 5000; o++) {
            progress.pending(r(0, o));
        }
        for (long o = 0; o < 300; o++) {
            progress.pending(r(1, o));
        }
        for (long o = 0; o < 5000; o++) {
            if (o != 4321) { // one record of partition 0 is still being retried
                progress.done(r(0, o));
            }
        }
        for (long o = 0; o < 300; o++) {
            progress.done(r(1, o));
        }
        assertThat(progress.uncommitted()).isEqualTo(Map.of(P0, new OffsetAndMetadata(4321), P1, new OffsetAndMetadata(300)));

        progress.done(r(0, 4321));
        assertThat(progress.uncommitted()).isEqualTo(Map.of(P0, new OffsetAndMetadata(5000), P1, new OffsetAndMetadata(300)));
        assertThat(progress.recordsIn(progress.uncommitted())).isEqualTo(5300);
    }

    @Test
    void aSucceededSecondHalf_doesNotCommitPastAFailingFirstHalf() {
        PartitionProgress progress = new PartitionProgress();
        List.of(r(0, 5), r(0, 6), r(0, 7), r(0, 8)).forEach(progress::pending);
        progress.done(List.of(r(0, 7), r(0, 8)));
        assertThat(progress.uncommitted()).isEmpty();
        progress.done(List.of(r(0, 5), r(0, 6)));
        assertThat(progress.uncommitted()).isEqualTo(Map.of(P0, new OffsetAndMetadata(9)));
    }

    @Test
    void committedPoints_areNotReportedAgain_andPartitionsAreIndependent() {
        PartitionProgress progress = new PartitionProgress();
        progress.pending(r(0, 0));
        progress.pending(r(1, 0));
        progress.done(r(1, 0));
        Map<TopicPartition, OffsetAndMetadata> first = progress.uncommitted();
        assertThat(first).isEqualTo(Map.of(P1, new OffsetAndMetadata(1)));
        progress.committed(first);
        assertThat(progress.uncommitted()).isEmpty();
        progress.done(r(0, 0));
        assertThat(progress.uncommitted()).isEqualTo(Map.of(P0, new OffsetAndMetadata(1)));
    }

    @Test
    void forgottenPartitions_startAfresh() {
        PartitionProgress progress = new PartitionProgress();
        progress.pending(r(0, 3));
        progress.forget(List.of(P0));
        progress.done(r(0, 4));
        assertThat(progress.uncommitted()).isEqualTo(Map.of(P0, new OffsetAndMetadata(5)));
    }
}
