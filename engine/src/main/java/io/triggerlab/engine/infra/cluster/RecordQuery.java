package io.triggerlab.engine.infra.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * Which records of a topic to read.
 *
 * @param topic        the topic
 * @param partition    one partition, or {@code null} for all of them
 * @param fromOffset   read from this offset on (per partition), or {@code null}
 * @param fromTime     read from the first record at or after this time, or {@code null}
 * @param newestFirst  true: the newest {@code limit} records (before {@code fromOffset}/{@code fromTime} when given,
 *                     newest first); false: the oldest from the start point on, oldest first
 * @param limit        the most records returned, 1..1000
 */
public record RecordQuery(String topic, Integer partition, Long fromOffset, Instant fromTime, boolean newestFirst,
                          int limit) {

    public static final int MAX_LIMIT = 1000;

    public RecordQuery {
        Objects.requireNonNull(topic, "topic");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("Read " + limit + " records: give 1.." + MAX_LIMIT);
        }
        if (fromOffset != null && fromTime != null) {
            throw new IllegalArgumentException("Read from an offset or from a time, not both");
        }
        if (fromOffset != null && fromOffset < 0) {
            throw new IllegalArgumentException("Offset " + fromOffset + " is negative: give 0 or more");
        }
    }

    /** The newest {@code limit} records of every partition's end, newest first. */
    public static RecordQuery newest(String topic, int limit) {
        return new RecordQuery(topic, null, null, null, true, limit);
    }
}
