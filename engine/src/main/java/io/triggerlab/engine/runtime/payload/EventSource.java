package io.triggerlab.engine.runtime.payload;

import java.util.Objects;

/**
 * Where a Kafka event comes from: the three envelope fields of Lambda's Kafka event (docs/aws-behaviour.md#payload).
 *
 * @param eventSource      {@value #MSK} for Amazon MSK, {@value #SELF_MANAGED} for self-managed Kafka
 * @param eventSourceArn   the MSK cluster ARN; {@code null} for self-managed Kafka, whose events have no ARN field at all
 * @param bootstrapServers the comma-joined bootstrap string, exactly as Lambda puts it in the event
 */
public record EventSource(String eventSource, String eventSourceArn, String bootstrapServers) {

    /** The {@code eventSource} value of Amazon MSK events. */
    public static final String MSK = "aws:kafka";
    /** The {@code eventSource} value of self-managed Kafka events. */
    public static final String SELF_MANAGED = "SelfManagedKafka";

    public EventSource {
        Objects.requireNonNull(eventSource, "eventSource");
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers is empty: give the comma-joined host:port list the event reports");
        }
        if (MSK.equals(eventSource)) {
            if (eventSourceArn == null || eventSourceArn.isBlank()) {
                throw new IllegalArgumentException("An MSK event source needs its cluster ARN (eventSourceArn); use selfManaged(...) for a cluster without one");
            }
        } else if (SELF_MANAGED.equals(eventSource)) {
            if (eventSourceArn != null) {
                throw new IllegalArgumentException("A self-managed Kafka event source has no eventSourceArn, but got '" + eventSourceArn + "'");
            }
        } else {
            throw new IllegalArgumentException("Unknown eventSource '" + eventSource + "': must be '" + MSK + "' or '" + SELF_MANAGED + "'");
        }
    }

    /** An Amazon MSK source: {@code "eventSource":"aws:kafka"} plus the cluster ARN. */
    public static EventSource msk(String clusterArn, String bootstrapServers) {
        return new EventSource(MSK, clusterArn, bootstrapServers);
    }

    /** A self-managed Kafka source: {@code "eventSource":"SelfManagedKafka"} and no ARN field. */
    public static EventSource selfManaged(String bootstrapServers) {
        return new EventSource(SELF_MANAGED, null, bootstrapServers);
    }
}
