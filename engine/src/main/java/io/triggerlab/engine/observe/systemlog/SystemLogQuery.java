package io.triggerlab.engine.observe.systemlog;

import java.util.Objects;

/**
 * Which of a mapping's system log events to read: those after {@code afterId} (0 = from the first), at {@code level}
 * or a lower one (WARN only, WARN and INFO, or all), oldest first, at most {@code limit}.
 */
public record SystemLogQuery(String mappingUuid, long afterId, SystemLogLevel level, int limit) {

    public static final int MAX_LIMIT = 10_000;

    public SystemLogQuery {
        Objects.requireNonNull(mappingUuid, "mappingUuid");
        if (afterId < 0) {
            throw new IllegalArgumentException("System log position " + afterId + " is negative: use 0 for the first event");
        }
        level = level == null ? SystemLogLevel.DEBUG : level;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("System log limit " + limit + " is out of range: must be 1.." + MAX_LIMIT);
        }
    }
}
