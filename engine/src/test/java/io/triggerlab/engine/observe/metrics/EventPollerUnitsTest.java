package io.triggerlab.engine.observe.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EventPollerUnitsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void ungroupedMapping_needsWholeUnitsForItsPollers() {
        assertThat(EventPollerUnits.of(0, 0, MINUTE, false)).isZero();
        assertThat(EventPollerUnits.of(1, 0, MINUTE, false)).isEqualTo(1.0);
        assertThat(EventPollerUnits.of(10, 0, MINUTE, false)).isEqualTo(1.0);
        assertThat(EventPollerUnits.of(11, 0, MINUTE, false)).isEqualTo(2.0);
    }

    @Test
    void throughputBeyond20MegabytesPerSecondNeedsMoreUnits() {
        long fortyOneMbInASecond = 41L * 1024 * 1024;
        assertThat(EventPollerUnits.of(2, fortyOneMbInASecond, Duration.ofSeconds(1), false)).isEqualTo(3.0);
        assertThat(EventPollerUnits.of(2, fortyOneMbInASecond, Duration.ofSeconds(10), false)).isEqualTo(1.0);
    }

    @Test
    void groupedMapping_reportsItsShareOfTheGroupsUnits() {
        assertThat(EventPollerUnits.of(3, 0, MINUTE, true)).isEqualTo(0.3);
        assertThat(EventPollerUnits.of(0, 0, MINUTE, true)).isZero();
    }
}
