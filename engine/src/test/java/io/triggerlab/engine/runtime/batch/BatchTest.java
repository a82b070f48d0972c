package io.triggerlab.engine.runtime.batch;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.triggerlab.engine.runtime.payload.TestRecords.sized;
import static org.assertj.core.api.Assertions.assertThat;

class BatchTest {

    @Test
    void offsets_spanEachPartitionFromItsFirstToItsLastRecord_acrossRunsAndTopics() {
        Batch batch = Batch.of(List.of(sized("a", 0, 5, 10), sized("a", 0, 6, 10), sized("b", 0, 1, 10),
                sized("a", 1, 0, 10), sized("a", 0, 7, 10), sized("b", 0, 2, 10)), 100, false);

        assertThat(batch.offsets()).containsExactly(
                Map.entry(new TopicPartition("a", 0), new OffsetRange(5, 7)),
                Map.entry(new TopicPartition("b", 0), new OffsetRange(1, 2)),
                Map.entry(new TopicPartition("a", 1), new OffsetRange(0, 0)));
    }
}
