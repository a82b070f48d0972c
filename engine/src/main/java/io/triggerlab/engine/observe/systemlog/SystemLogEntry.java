package io.triggerlab.engine.observe.systemlog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One system log event as kept: the JSON line AWS's poller would send, with what it is filed under.
 *
 * @param id            the store's sequence number (0 before it is stored); followers read on from the last one seen
 * @param mappingUuid   the event source mapping that wrote it
 * @param logStreamName AWS's stream name, {@code YYYY/MM/DD/<uuid>} of the event's UTC day
 * @param timestamp     when it happened (the JSON's {@code timestamp}, epoch milliseconds)
 * @param level         its {@code logLevel}
 * @param eventType     its {@code eventType}
 * @param message       the event's JSON, one line
 */
public record SystemLogEntry(long id, String mappingUuid, String logStreamName, Instant timestamp,
                             SystemLogLevel level, String eventType, String message) {

    private static final DateTimeFormatter STREAM_DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    public SystemLogEntry {
        Objects.requireNonNull(mappingUuid, "mappingUuid");
        Objects.requireNonNull(logStreamName, "logStreamName");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(message, "message");
    }

    /** AWS's log stream name for a mapping's events on {@code at}'s UTC day: "date and event source mapping UUID". */
    public static String logStreamName(String mappingUuid, Instant at) {
        return STREAM_DAY.format(at) + "/" + mappingUuid;
    }

    SystemLogEntry withId(long newId) {
        return new SystemLogEntry(newId, mappingUuid, logStreamName, timestamp, level, eventType, message);
    }
}
