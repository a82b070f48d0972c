package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.runtime.report.PollerObserver;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The asynchronous commit pipeline against a consumer whose commits complete only when the test says so. */
class CommitPipelineTest {

    private static final String TOPIC = "orders";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    /** A MockConsumer that holds each asynchronous commit in flight until {@link #complete} is called. */
    private static final class HeldCommits extends MockConsumer<byte[], byte[]> {
        private record Held(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
        }

        final List<Map<TopicPartition, OffsetAndMetadata>> sent = new ArrayList<>();
        private final Deque<Held> inFlight = new ArrayDeque<>();

        HeldCommits() {
            super("earliest");
            assign(List.of(P0, P1)); // MockConsumer reports committed offsets of assigned partitions only
        }

        @Override
        public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets,
                                             OffsetCommitCallback callback) {
            if (callback == null) {
                super.commitAsync(offsets, null); // MockConsumer's commitSync comes this way: the broker has it now
                return;
            }
            sent.add(Map.copyOf(offsets));
            inFlight.add(new Held(Map.copyOf(offsets), callback));
        }

        /** The oldest commit in flight reaches the broker, or fails with {@code error}. */
        void complete(Exception error) {
            Held held = inFlight.removeFirst();
            if (error == null) {
                super.commitAsync(held.offsets(), null);
            }
            held.callback().onComplete(held.offsets(), error);
        }

        Long committedOffset(TopicPartition tp) {
            OffsetAndMetadata offset = committed(Set.of(tp)).get(tp);
            return offset == null ? null : offset.offset();
        }
    }

    /** Counts what the pipeline reports. */
    private static final class Reports implements PollerObserver {
        int committedRecords;
        int commitErrors;

        @Override public void polled(int records, long bytes) { }
        @Override public void invoked(InvocationRecord record) { }
        @Override public void committed(Map<TopicPartition, OffsetAndMetadata> offsets, int records) {
            committedRecords += records;
        }
        @Override public void processingResult(String lastProcessingResult) { }
        @Override public void pollingError(Exception error) { }
        @Override public void commitError(Exception error) {
            commitErrors++;
        }
        @Override public void assignmentChanged(Set<TopicPartition> assignment) { }
    }

    private final HeldCommits consumer = new HeldCommits();
    private final PartitionProgress progress = new PartitionProgress();
    private final Reports reports = new Reports();
    private final CommitPipeline pipeline = new CommitPipeline(consumer, progress, reports);

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition tp, long offset) {
        return new ConsumerRecord<>(tp.topic(), tp.partition(), offset, null, new byte[0]);
    }

    private List<ConsumerRecord<byte[], byte[]>> polled(TopicPartition tp, long from, long to) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (long o = from; o <= to; o++) {
            ConsumerRecord<byte[], byte[]> r = record(tp, o);
            progress.pending(r);
            records.add(r);
        }
        return records;
    }

    @Test
    void coalescesWhatIsDoneWhileACommitIsInFlight_intoOneNextCommit() {
        List<ConsumerRecord<byte[], byte[]>> records = polled(P0, 0, 5);
        progress.done(records.subList(0, 2));
        pipeline.commitDone();
        progress.done(records.subList(2, 4));
        pipeline.commitDone();
        progress.done(records.subList(4, 6));
        pipeline.commitDone();

        assertThat(consumer.sent).as("one commit in flight at a time").containsExactly(Map.of(P0, new OffsetAndMetadata(2)));

        consumer.complete(null);
        pipeline.commitDone();

        assertThat(consumer.sent).as("the two batches done meanwhile go as one commit")
                .containsExactly(Map.of(P0, new OffsetAndMetadata(2)), Map.of(P0, new OffsetAndMetadata(6)));
        consumer.complete(null);
        assertThat(consumer.committedOffset(P0)).isEqualTo(6);
        assertThat(reports.committedRecords).isEqualTo(6);
        assertThat(pipeline.inFlight()).isFalse();
    }

    @Test
    void commitsEachPartitionInOffsetOrder_neverBackwards() {
        List<ConsumerRecord<byte[], byte[]>> p0 = polled(P0, 0, 9);
        List<ConsumerRecord<byte[], byte[]>> p1 = polled(P1, 100, 109);
        for (int i = 0; i < 10; i += 2) {
            progress.done(p0.subList(i, i + 2));
            pipeline.commitDone();
            progress.done(p1.subList(i, i + 2));
            pipeline.commitDone();
            consumer.complete(null);
        }
        pipeline.commitDone();
        consumer.complete(null);

        long lastP0 = -1;
        long lastP1 = -1;
        for (Map<TopicPartition, OffsetAndMetadata> commit : consumer.sent) {
            if (commit.containsKey(P0)) {
                assertThat(commit.get(P0).offset()).isGreaterThan(lastP0);
                lastP0 = commit.get(P0).offset();
            }
            if (commit.containsKey(P1)) {
                assertThat(commit.get(P1).offset()).isGreaterThan(lastP1);
                lastP1 = commit.get(P1).offset();
            }
        }
        assertThat(consumer.committedOffset(P0)).isEqualTo(10);
        assertThat(consumer.committedOffset(P1)).isEqualTo(110);
        assertThat(reports.committedRecords).isEqualTo(20);
    }

    @Test
    void aFailedCommit_isSentAgainWithTheNextOne() {
        List<ConsumerRecord<byte[], byte[]>> records = polled(P0, 0, 3);
        progress.done(records.subList(0, 2));
        pipeline.commitDone();
        consumer.complete(new RebalanceInProgressException("a consumer joins the group"));

        assertThat(consumer.committedOffset(P0)).isNull();
        assertThat(reports.commitErrors).isEqualTo(1);

        pipeline.commitDone();
        assertThat(consumer.sent).as("retried at once on the next step, nothing new done")
                .containsExactly(Map.of(P0, new OffsetAndMetadata(2)), Map.of(P0, new OffsetAndMetadata(2)));
        progress.done(records.subList(2, 4));
        consumer.complete(null);
        pipeline.commitDone();
        consumer.complete(null);

        assertThat(consumer.committedOffset(P0)).isEqualTo(4);
        assertThat(reports.committedRecords).as("each record counted once, the failed commit's too").isEqualTo(4);
    }

    @Test
    void commitsNothingForAPartition_whoseBatchFailed() {
        List<ConsumerRecord<byte[], byte[]>> p0 = polled(P0, 0, 1);
        List<ConsumerRecord<byte[], byte[]>> p1 = polled(P1, 0, 1);
        // P0's batch failed and waits for its retry; P1's succeeded.
        progress.done(p1);
        pipeline.commitDone();
        consumer.complete(null);
        pipeline.commitDone();

        assertThat(consumer.sent).containsExactly(Map.of(P1, new OffsetAndMetadata(2)));
        assertThat(consumer.committedOffset(P0)).isNull();

        progress.done(p0);
        pipeline.commitDone();
        consumer.complete(null);
        assertThat(consumer.committedOffset(P0)).isEqualTo(2);
    }

    @Test
    void aRevokedPartition_isCommittedAtOnce_evenWithACommitInFlight() {
        List<ConsumerRecord<byte[], byte[]>> records = polled(P0, 0, 3);
        progress.done(records.subList(0, 2));
        pipeline.commitDone();
        progress.done(records.subList(2, 4));

        pipeline.commitNow(Set.of(P0));

        assertThat(consumer.committedOffset(P0)).isEqualTo(4);
    }
}
