package io.triggerlab.engine.observe.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DurationHistogramTest {

    @Test
    void percentilesAreWithinFourPercent() {
        DurationHistogram h = new DurationHistogram();
        for (int ms = 1; ms <= 1000; ms++) {
            h.record(Duration.ofMillis(ms));
        }
        long[] drained = h.drain();
        assertThat(DurationHistogram.percentileMillis(drained, 0.50)).isCloseTo(500, within(20.0));
        assertThat(DurationHistogram.percentileMillis(drained, 0.90)).isCloseTo(900, within(36.0));
        assertThat(DurationHistogram.percentileMillis(drained, 0.99)).isCloseTo(990, within(40.0));
    }

    @Test
    void drainStartsAgainFromZero() {
        DurationHistogram h = new DurationHistogram();
        h.record(Duration.ofSeconds(3));
        assertThat(DurationHistogram.percentileMillis(h.drain(), 0.5)).isCloseTo(3000, within(120.0));
        assertThat(DurationHistogram.percentileMillis(h.drain(), 0.5)).isZero();
    }

    @Test
    void extremeDurationsLandInTheEndBuckets() {
        DurationHistogram h = new DurationHistogram();
        h.record(Duration.ZERO);
        h.record(Duration.ofHours(2));
        long[] drained = h.drain();
        assertThat(DurationHistogram.percentileMillis(drained, 0.5)).isLessThan(0.01);
        assertThat(DurationHistogram.percentileMillis(drained, 1.0)).isGreaterThan(900_000);
    }
}
