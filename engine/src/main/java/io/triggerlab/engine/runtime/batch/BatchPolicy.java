package io.triggerlab.engine.runtime.batch;

import java.time.Duration;
import java.util.Objects;

/**
 * When a batch closes (docs/aws-behaviour.md#batching): at {@code batchSize} records across partitions, when {@code window} has passed since
 * its first record, or when the event reaches {@code maxPayloadBytes}.
 *
 * @param batchSize       the ESM's {@code BatchSize}, 1..10000
 * @param window          the ESM's batching window ({@code MaximumBatchingWindowInSeconds}, 500 ms by default for Kafka);
 *                        0 means "invoke with whatever is there"
 * @param maxPayloadBytes the largest event allowed, Lambda's synchronous invoke limit of 6,291,456 bytes in practice
 */
public record BatchPolicy(int batchSize, Duration window, long maxPayloadBytes) {

    /** Lambda's synchronous invocation payload limit. */
    public static final long MAX_PAYLOAD_BYTES = 6_291_456L;
    public static final int MAX_BATCH_SIZE = 10_000;
    public static final Duration MAX_WINDOW = Duration.ofSeconds(300);
    /** Lambda's Kafka defaults: {@code BatchSize} 100, a 500 ms window. */
    public static final BatchPolicy KAFKA_DEFAULTS = of(100, Duration.ofMillis(500));

    public BatchPolicy {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("BatchSize " + batchSize + " is out of range: must be 1.." + MAX_BATCH_SIZE);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("Batching window " + window.toMillis() + " ms is out of range: must be 0.."
                    + MAX_WINDOW.toSeconds() + " seconds (MaximumBatchingWindowInSeconds)");
        }
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes " + maxPayloadBytes + " is out of range: must be positive"
                    + " (Lambda's limit is " + MAX_PAYLOAD_BYTES + ")");
        }
    }

    /** A policy with Lambda's 6 MB payload limit. */
    public static BatchPolicy of(int batchSize, Duration window) {
        return new BatchPolicy(batchSize, window, MAX_PAYLOAD_BYTES);
    }
}
