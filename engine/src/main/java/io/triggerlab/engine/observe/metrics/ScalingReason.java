package io.triggerlab.engine.observe.metrics;

/** Why the autoscaler changed (or kept) a mapping's poller count. */
public enum ScalingReason {
    /** OffsetLag rose over the evaluation period: one more consumer, up to one per partition. */
    LAG_GROWING,
    /** OffsetLag was 0 throughout the evaluation period: one consumer fewer. */
    LAG_GONE,
    /** The Invoke API throttled the function during the period: one consumer fewer, as AWS does. */
    THROTTLED,
    /** Fewer pollers than the minimum (MinimumPollers in provisioned mode, else 1). */
    BELOW_MINIMUM,
    /** More pollers than the maximum (MaximumPollers, capped at the partition count). */
    ABOVE_MAXIMUM,
    /** Nothing to do. Not recorded and not announced: only changes are. */
    HOLD
}
