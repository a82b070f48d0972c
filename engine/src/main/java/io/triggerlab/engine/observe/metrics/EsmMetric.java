package io.triggerlab.engine.observe.metrics;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every metric the engine records for a mapping, by its CloudWatch name (docs/aws-behaviour.md#metrics) where AWS has one.
 *
 * <p>A {@link Kind#COUNTER} stores how many things happened in each sample interval; downsampled, intervals add up.
 * A {@link Kind#GAUGE} stores a reading; downsampled, a bucket keeps the mean, minimum and maximum of its readings.
 */
public enum EsmMetric {
    POLLED_EVENT_COUNT("PolledEventCount", Kind.COUNTER, "EventCount", "Count"),
    FILTERED_OUT_EVENT_COUNT("FilteredOutEventCount", Kind.COUNTER, "EventCount", "Count"),
    INVOKED_EVENT_COUNT("InvokedEventCount", Kind.COUNTER, "EventCount", "Count"),
    FAILED_INVOKE_EVENT_COUNT("FailedInvokeEventCount", Kind.COUNTER, "EventCount", "Count"),
    DROPPED_EVENT_COUNT("DroppedEventCount", Kind.COUNTER, "EventCount", "Count"),
    ON_FAILURE_DESTINATION_DELIVERED_EVENT_COUNT("OnFailureDestinationDeliveredEventCount", Kind.COUNTER, "EventCount", "Count"),
    COMMITTED_EVENT_COUNT("CommittedEventCount", Kind.COUNTER, "EventCount", "Count"),
    POLLING_ERROR_COUNT("PollingErrorCount", Kind.COUNTER, "ErrorCount", "Count"),
    INVOKE_ERROR_COUNT("InvokeErrorCount", Kind.COUNTER, "ErrorCount", "Count"),
    COMMIT_ERROR_COUNT("CommitErrorCount", Kind.COUNTER, "ErrorCount", "Count"),
    ON_FAILURE_DESTINATION_DELIVERY_ERROR_COUNT("OnFailureDestinationDeliveryErrorCount", Kind.COUNTER, "ErrorCount", "Count"),
    /** Invocations the Invoke API answered with 429 (Lambda's function metric {@code Throttles}); the scaler reads it. */
    THROTTLES("Throttles", Kind.COUNTER, "TriggerLab", "Count"),
    /** Most invocations in flight at once during the interval (Lambda's {@code ConcurrentExecutions}, statistic Maximum). */
    CONCURRENT_EXECUTIONS("ConcurrentExecutions", Kind.GAUGE, "TriggerLab", "Count"),
    DURATION_P50("DurationP50", Kind.GAUGE, "TriggerLab", "Milliseconds"),
    DURATION_P90("DurationP90", Kind.GAUGE, "TriggerLab", "Milliseconds"),
    DURATION_P99("DurationP99", Kind.GAUGE, "TriggerLab", "Milliseconds"),
    /** Topic-level lag: the sum over partitions, see {@link LagReading#offsetLag()} for why. Per partition too. */
    OFFSET_LAG("OffsetLag", Kind.GAUGE, "always", "Count"),
    MAX_OFFSET_LAG("MaxOffsetLag", Kind.GAUGE, "KafkaMetrics", "Count"),
    SUM_OFFSET_LAG("SumOffsetLag", Kind.GAUGE, "KafkaMetrics", "Count"),
    /** Age of the oldest record not yet processed, in milliseconds (0 when there is no lag). Beyond AWS. */
    TIME_LAG("TimeLag", Kind.GAUGE, "TriggerLab", "Milliseconds"),
    /** Pollers (consumers in the mapping's group) running, in either mode; provisioned mode adds {@code ProvisionedPollers}. */
    POLLERS("Pollers", Kind.GAUGE, "TriggerLab", "Count"),
    /** Provisioned mode only: event pollers actively running (AWS views it with MAX). */
    PROVISIONED_POLLERS("ProvisionedPollers", Kind.GAUGE, EsmMetric.PROVISIONED_MODE, "Count"),
    /** Provisioned mode only: event poller units in use, see {@link EventPollerUnits} (AWS views it with SUM). */
    EVENT_POLLER_UNIT("EventPollerUnit", Kind.GAUGE, EsmMetric.PROVISIONED_MODE, "Count"),
    /** Provisioned mode only: bytes of the records the pollers read from the topic (AWS views it with SUM). */
    EVENT_POLLER_THROUGHPUT_IN_BYTES("EventPollerThroughputInBytes", Kind.COUNTER, EsmMetric.PROVISIONED_MODE, "Bytes");

    /**
     * The group of the metrics AWS publishes only for a mapping in provisioned mode, whatever its MetricsConfig
     * (docs/aws-behaviour.md#metrics).
     */
    public static final String PROVISIONED_MODE = "ProvisionedMode";

    /** How a metric's values combine when buckets are merged. */
    public enum Kind { COUNTER, GAUGE }

    private final String awsName;
    private final Kind kind;
    private final String group;
    private final String unit;

    EsmMetric(String awsName, Kind kind, String group, String unit) {
        this.awsName = awsName;
        this.kind = kind;
        this.group = group;
        this.unit = unit;
    }

    /** The name users see and the API, CLI and database use: {@code OffsetLag}. */
    public String awsName() {
        return awsName;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The {@code MetricsConfig} group AWS files it under ({@code EventCount}, {@code ErrorCount}, {@code KafkaMetrics}),
     * {@code always} for {@code OffsetLag}, {@value #PROVISIONED_MODE} for what AWS publishes in provisioned mode,
     * {@code TriggerLab} for what only TriggerLab records.
     */
    public String group() {
        return group;
    }

    public String unit() {
        return unit;
    }

    /** By name, case-insensitive: {@code offsetlag} finds {@link #OFFSET_LAG}. */
    public static Optional<EsmMetric> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.awsName.equalsIgnoreCase(name)).findFirst();
    }

    /** By name, or an error listing the names there are. */
    public static EsmMetric parse(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException("Unknown metric '" + name
                + "': must be one of " + Arrays.stream(values()).map(EsmMetric::awsName).toList()
                .toString().replace("[", "").replace("]", "")));
    }

    @Override
    public String toString() {
        return awsName;
    }
}
