package io.triggerlab.engine.runtime.batch;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchPolicyTest {

    @Test
    void defaultsToLambdasSixMegabyteLimit() {
        assertThat(BatchPolicy.of(100, Duration.ofMillis(500)).maxPayloadBytes()).isEqualTo(6_291_456L);
        assertThat(BatchPolicy.KAFKA_DEFAULTS).isEqualTo(new BatchPolicy(100, Duration.ofMillis(500), 6_291_456L));
    }

    @Test
    void rejectsOutOfRangeValues_withWhatAndWhere() {
        assertThatThrownBy(() -> BatchPolicy.of(20_000, Duration.ZERO))
                .hasMessage("BatchSize 20000 is out of range: must be 1..10000");
        assertThatThrownBy(() -> BatchPolicy.of(0, Duration.ZERO))
                .hasMessage("BatchSize 0 is out of range: must be 1..10000");
        assertThatThrownBy(() -> BatchPolicy.of(1, Duration.ofSeconds(301)))
                .hasMessage("Batching window 301000 ms is out of range: must be 0..300 seconds (MaximumBatchingWindowInSeconds)");
        assertThatThrownBy(() -> new BatchPolicy(1, Duration.ZERO, 0))
                .hasMessageStartingWith("maxPayloadBytes 0 is out of range");
    }

    @Test
    void offsetRange_commitsOnePastTheLastRecord_andRejectsReversedRange() {
        assertThat(new OffsetRange(5, 9).nextOffset()).isEqualTo(10);
        assertThatThrownBy(() -> new OffsetRange(9, 5)).hasMessageContaining("Offset range 9..5 is invalid");
    }
}
