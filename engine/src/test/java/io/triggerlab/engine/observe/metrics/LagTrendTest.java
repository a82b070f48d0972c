package io.triggerlab.engine.observe.metrics;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LagTrendTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static List<LagTrend.Point> every5s(long... values) {
        List<LagTrend.Point> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new LagTrend.Point(T0.plusSeconds(5L * i), values[i]));
        }
        return out;
    }

    @Test
    void rising_whenLagClimbs() {
        assertThat(LagTrend.of(every5s(0, 10, 25, 40, 60))).isEqualTo(LagTrend.RISING);
    }

    @Test
    void falling_whenLagDrains() {
        assertThat(LagTrend.of(every5s(900, 700, 400, 200, 0))).isEqualTo(LagTrend.FALLING);
    }

    @Test
    void steady_whenLagJittersAroundALevel() {
        assertThat(LagTrend.of(every5s(1000, 1020, 990, 1010, 1000))).isEqualTo(LagTrend.STEADY);
    }

    @Test
    void steady_whenZero_orWithTooFewPoints() {
        assertThat(LagTrend.of(every5s(0, 0, 0))).isEqualTo(LagTrend.STEADY);
        assertThat(LagTrend.of(every5s(50))).isEqualTo(LagTrend.STEADY);
        assertThat(LagTrend.of(List.of())).isEqualTo(LagTrend.STEADY);
    }

    @Test
    void oneRecordMore_isStillSteady() {
        assertThat(LagTrend.of(every5s(0, 0, 1))).isEqualTo(LagTrend.STEADY);
        assertThat(LagTrend.of(every5s(0, 0, 3))).isEqualTo(LagTrend.RISING);
    }
}
