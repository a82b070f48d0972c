package io.triggerlab.engine.runtime.failure;

import io.triggerlab.engine.runtime.filter.RecordFilter;

import java.time.Duration;
import java.util.Objects;

/**
 * How a mapping's pollers treat records besides batching: filters, retry limits, record age, bisect, partial batch
 * responses and the on-failure destination (docs/aws-behaviour.md#retries, #on-failure-destinations, #filtering).
 *
 * @param filter                     {@code FilterCriteria}; {@link RecordFilter#NONE} sends everything
 * @param maximumRetryAttempts       retries after the first attempt; -1 retries until success (the classic behaviour).
 *                                   Already the effective value: -1 with an on-failure destination becomes 10
 * @param maximumRecordAge           records older than this are not sent; {@code null} for no limit
 * @param bisectBatchOnFunctionError split a batch the function failed on and retry the halves
 * @param reportBatchItemFailures    read {@code batchItemFailures} from the function's response
 * @param onFailureDestination       {@code kafka://<topic>} or an SQS/SNS/S3 ARN, or {@code null} (drop)
 * @param functionArn                the function's ARN, for the failure records; may be {@code null} in tests
 */
public record DeliveryRules(RecordFilter filter, int maximumRetryAttempts, Duration maximumRecordAge,
                            boolean bisectBatchOnFunctionError, boolean reportBatchItemFailures,
                            String onFailureDestination, String functionArn) {

    /** Lambda's classic Kafka behaviour: no filters, retry the whole batch until it succeeds. */
    public static final DeliveryRules CLASSIC = new DeliveryRules(RecordFilter.NONE, -1, null, false, false, null, null);

    /** What AWS applies when retries are infinite and an on-failure destination is set (docs/aws-behaviour.md#retries). */
    public static final int RETRIES_WITH_DESTINATION = 10;

    public DeliveryRules {
        Objects.requireNonNull(filter, "filter");
        if (maximumRetryAttempts < -1) {
            throw new IllegalArgumentException("MaximumRetryAttempts " + maximumRetryAttempts + " is out of range: must be -1..10000");
        }
        if (maximumRecordAge != null && (maximumRecordAge.isNegative() || maximumRecordAge.isZero())) {
            throw new IllegalArgumentException("Maximum record age " + maximumRecordAge + " must be positive, or null for no limit");
        }
    }

    /**
     * The rules as a mapping states them: {@code maximumRetryAttempts} -1 (infinite) becomes 10 when there is an
     * on-failure destination, and {@code maximumRecordAgeInSeconds} -1 means no age limit.
     */
    public static DeliveryRules of(RecordFilter filter, int maximumRetryAttempts, int maximumRecordAgeInSeconds,
                                   boolean bisect, boolean reportBatchItemFailures, String destination,
                                   String functionArn) {
        int retries = maximumRetryAttempts == -1 && destination != null ? RETRIES_WITH_DESTINATION : maximumRetryAttempts;
        Duration age = maximumRecordAgeInSeconds < 0 ? null : Duration.ofSeconds(maximumRecordAgeInSeconds);
        return new DeliveryRules(filter, retries, age, bisect, reportBatchItemFailures, destination, functionArn);
    }

    public boolean retriesForever() {
        return maximumRetryAttempts == -1;
    }
}
