package io.triggerlab.engine.observe.metrics;

import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScalingPolicyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static List<LagTrend.Point> lag(long... values) {
        List<LagTrend.Point> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new LagTrend.Point(T0.plusSeconds(5L * i), values[i]));
        }
        return out;
    }

    private static ScalingPolicy.Verdict decide(int pollers, int partitions, ProvisionedPollerConfig provisioned,
                                                List<LagTrend.Point> lag, long throttles) {
        return ScalingPolicy.decide(new ScalingPolicy.Input(pollers, partitions, provisioned, lag, throttles, MINUTE));
    }

    @Test
    void addsOnePoller_whenLagGrows() {
        ScalingPolicy.Verdict v = decide(1, 4, null, lag(10, 40, 90, 160), 0);
        assertThat(v.pollers()).isEqualTo(2);
        assertThat(v.reason()).isEqualTo(ScalingReason.LAG_GROWING);
        assertThat(v.message()).isEqualTo("OffsetLag rose from 10 to 160 over 60 s");
    }

    @Test
    void neverExceedsOnePollerPerPartition_onDemand() {
        ScalingPolicy.Verdict v = decide(4, 4, null, lag(10, 40, 90, 160), 0);
        assertThat(v.pollers()).isEqualTo(4);
        assertThat(v.reason()).isEqualTo(ScalingReason.HOLD);
        assertThat(v.message()).contains("maximum of 4 (one per partition)");
    }

    @Test
    void removesOnePoller_whenLagWasZeroThroughoutThePeriod() {
        ScalingPolicy.Verdict v = decide(3, 4, null, lag(0, 0, 0), 0);
        assertThat(v.pollers()).isEqualTo(2);
        assertThat(v.reason()).isEqualTo(ScalingReason.LAG_GONE);
    }

    @Test
    void keepsTheLastPoller_whenLagIsGone() {
        assertThat(decide(1, 4, null, lag(0, 0, 0), 0).reason()).isEqualTo(ScalingReason.HOLD);
    }

    @Test
    void holds_whileLagFalls() {
        ScalingPolicy.Verdict v = decide(2, 4, null, lag(500, 300, 100, 20), 0);
        assertThat(v.pollers()).isEqualTo(2);
        assertThat(v.reason()).isEqualTo(ScalingReason.HOLD);
    }

    @Test
    void holds_whenLagIsSteadyButNotZero() {
        assertThat(decide(2, 4, null, lag(100, 101, 100, 100), 0).reason()).isEqualTo(ScalingReason.HOLD);
    }

    @Test
    void removesOnePoller_whenTheFunctionThrottles_evenWhileLagGrows() {
        ScalingPolicy.Verdict v = decide(3, 4, null, lag(10, 40, 90, 160), 2);
        assertThat(v.pollers()).isEqualTo(2);
        assertThat(v.reason()).isEqualTo(ScalingReason.THROTTLED);
        assertThat(v.message()).isEqualTo("The function was throttled 2 time(s) in the last 60 s");
    }

    @Test
    void holds_withTooFewSamples() {
        assertThat(decide(1, 4, null, lag(100), 0).reason()).isEqualTo(ScalingReason.HOLD);
        assertThat(decide(1, 4, null, lag(), 0).reason()).isEqualTo(ScalingReason.HOLD);
    }

    @Test
    void provisionedMinimumEqualToMaximum_pinsThePollerCount() {
        ProvisionedPollerConfig pinned = new ProvisionedPollerConfig(2, 2, null);
        assertThat(decide(2, 4, pinned, lag(10, 40, 90, 160), 0).pollers()).isEqualTo(2);
        assertThat(decide(2, 4, pinned, lag(0, 0, 0), 0).pollers()).isEqualTo(2);
        assertThat(decide(2, 4, pinned, lag(0, 0, 0), 5).pollers()).isEqualTo(2);
    }

    @Test
    void provisionedMinimum_raisesTheCount() {
        ScalingPolicy.Verdict v = decide(1, 8, new ProvisionedPollerConfig(3, 5, null), lag(0, 0), 0);
        assertThat(v.pollers()).isEqualTo(3);
        assertThat(v.reason()).isEqualTo(ScalingReason.BELOW_MINIMUM);
        assertThat(v.message()).isEqualTo("1 poller(s) is below the minimum of 3 (MinimumPollers)");
    }

    @Test
    void provisionedMaximum_isCappedAtThePartitionCount() {
        ProvisionedPollerConfig wide = new ProvisionedPollerConfig(1, 200, null);
        assertThat(ScalingPolicy.maximum(wide, 4)).isEqualTo(4);
        ScalingPolicy.Verdict v = decide(6, 4, wide, lag(0, 0), 0);
        assertThat(v.pollers()).isEqualTo(4);
        assertThat(v.reason()).isEqualTo(ScalingReason.ABOVE_MAXIMUM);
    }

    @Test
    void provisionedMaximum_stopsGrowthBelowThePartitionCount() {
        ScalingPolicy.Verdict v = decide(3, 8, new ProvisionedPollerConfig(1, 3, null), lag(10, 40, 90, 160), 0);
        assertThat(v.pollers()).isEqualTo(3);
        assertThat(v.message()).contains("maximum of 3 (MaximumPollers)");
    }

    @Test
    void minimumAbovePartitionCount_isCappedToo() {
        assertThat(ScalingPolicy.minimum(new ProvisionedPollerConfig(10, 20, null), 4)).isEqualTo(4);
        assertThat(ScalingPolicy.minimum(new ProvisionedPollerConfig(10, 20, null), 0)).isEqualTo(10);
        assertThat(ScalingPolicy.minimum(null, 0)).isEqualTo(1);
    }
}
