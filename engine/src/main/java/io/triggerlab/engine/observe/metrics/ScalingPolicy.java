package io.triggerlab.engine.observe.metrics;

import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;

import java.time.Duration;
import java.util.List;

/**
 * Lambda's consumer autoscaling as a pure function (docs/aws-behaviour.md#scaling): one evaluation period's facts in, a poller count and
 * its reason out. Steps are one poller at a time, as AWS adds and removes pollers gradually.
 *
 * <p>Rules, first match wins: keep within [minimum, maximum]; throttled → one fewer; lag rising (and not 0 now) →
 * one more; lag 0 throughout → one fewer; otherwise hold. On demand the range is 1 to the partition count;
 * provisioned it is MinimumPollers to MaximumPollers, the maximum capped at the partition count (a consumer beyond one
 * per partition would sit idle), so Min = Max pins the count.
 */
public final class ScalingPolicy {

    private ScalingPolicy() {
    }

    /**
     * One evaluation period.
     *
     * @param pollers     pollers running now
     * @param partitions  the topic's partitions (0 if not known yet)
     * @param provisioned the mapping's ProvisionedPollerConfig, or null on demand
     * @param lag         SumOffsetLag readings of the period, oldest first
     * @param throttles   invocations throttled during the period
     * @param period      the evaluation period (for the message)
     */
    public record Input(int pollers, int partitions, ProvisionedPollerConfig provisioned, List<LagTrend.Point> lag,
                        long throttles, Duration period) {
        public Input {
            lag = List.copyOf(lag);
        }
    }

    /** The poller count to run and why; {@code pollers} equals the input's when the reason is {@code HOLD}. */
    public record Verdict(int pollers, ScalingReason reason, String message) {
    }

    /** The smallest number of pollers the mapping may run. */
    public static int minimum(ProvisionedPollerConfig provisioned, int partitions) {
        int min = provisioned == null || provisioned.minimumPollers() == null
                ? ProvisionedPollerConfig.DEFAULT_MINIMUM_POLLERS : provisioned.minimumPollers();
        return partitions > 0 ? Math.min(min, maximum(provisioned, partitions)) : min;
    }

    /** The largest number of pollers the mapping may run (0 partitions = not known yet: no cap from them). */
    public static int maximum(ProvisionedPollerConfig provisioned, int partitions) {
        int max = provisioned == null ? Integer.MAX_VALUE
                : provisioned.maximumPollers() == null ? ProvisionedPollerConfig.DEFAULT_MAXIMUM_POLLERS
                : provisioned.maximumPollers();
        return partitions > 0 ? Math.max(1, Math.min(max, partitions)) : max;
    }

    public static Verdict decide(Input in) {
        int min = minimum(in.provisioned(), in.partitions());
        int max = maximum(in.provisioned(), in.partitions());
        int now = in.pollers();
        if (now < min) {
            return new Verdict(min, ScalingReason.BELOW_MINIMUM, now + " poller(s) is below the minimum of " + min
                    + (in.provisioned() != null ? " (MinimumPollers)" : ""));
        }
        if (now > max) {
            return new Verdict(max, ScalingReason.ABOVE_MAXIMUM, now + " poller(s) is above the maximum of " + max
                    + " (" + maximumSource(in, max) + ")");
        }
        if (in.throttles() > 0 && now > min) {
            return new Verdict(now - 1, ScalingReason.THROTTLED, "The function was throttled " + in.throttles()
                    + " time(s) in the last " + seconds(in.period()));
        }
        if (in.lag().size() < 2) {
            return hold(now, "Not enough lag samples in the last " + seconds(in.period()));
        }
        long first = in.lag().get(0).lag();
        long last = in.lag().get(in.lag().size() - 1).lag();
        boolean allZero = in.lag().stream().allMatch(p -> p.lag() == 0);
        if (last > 0 && LagTrend.of(in.lag()) == LagTrend.RISING) {
            if (now < max) {
                return new Verdict(now + 1, ScalingReason.LAG_GROWING, "OffsetLag rose from " + first + " to " + last
                        + " over " + seconds(in.period()));
            }
            return hold(now, "OffsetLag is rising but the mapping already runs its maximum of " + max + " ("
                    + maximumSource(in, max) + ")");
        }
        if (allZero && now > min) {
            return new Verdict(now - 1, ScalingReason.LAG_GONE, "OffsetLag was 0 for the last " + seconds(in.period()));
        }
        return hold(now, "OffsetLag went from " + first + " to " + last);
    }

    private static Verdict hold(int pollers, String message) {
        return new Verdict(pollers, ScalingReason.HOLD, message);
    }

    private static String maximumSource(Input in, int max) {
        boolean partitionCap = in.partitions() > 0 && max == in.partitions()
                && (in.provisioned() == null || maximum(in.provisioned(), 0) > in.partitions());
        return partitionCap ? "one per partition" : "MaximumPollers";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
