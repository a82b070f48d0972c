package io.triggerlab.engine.runtime.offsets;

import io.triggerlab.engine.controlplane.mapping.MappingService;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where {@link MappingService#resetOffsets} moves a disabled mapping's consumer group: a TriggerLab extra, since the
 * Lambda API has no such operation (on AWS people run {@code kafka-consumer-groups --reset-offsets}).
 */
public sealed interface OffsetReset {

    /** The first record still in each partition (the log start offset). */
    record Earliest() implements OffsetReset {
    }

    /** The end of each partition: records already there are skipped. */
    record Latest() implements OffsetReset {
    }

    /** The first record whose timestamp is at or after {@code timestamp}; past the newest record, the end. */
    record AtTimestamp(Instant timestamp) implements OffsetReset {
        public AtTimestamp {
            Objects.requireNonNull(timestamp, "timestamp");
        }
    }

    /** "earliest", "latest" or "timestamp 2026-11-25T10:15:00Z", for messages and logs. */
    default String describe() {
        if (this instanceof AtTimestamp at) {
            return "timestamp " + at.timestamp();
        }
        return this instanceof Earliest ? "earliest" : "latest";
    }

    /**
     * {@code earliest}, {@code latest} (any case) or an ISO-8601 instant such as {@code 2026-11-25T10:15:00Z}.
     *
     * @throws IllegalArgumentException naming what was given and what is accepted
     */
    static OffsetReset parse(String text) {
        Objects.requireNonNull(text, "text");
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (word.equals("earliest")) {
            return new Earliest();
        }
        if (word.equals("latest")) {
            return new Latest();
        }
        try {
            return new AtTimestamp(Instant.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Cannot reset offsets to '" + text + "': use earliest, latest or an "
                    + "ISO-8601 timestamp such as 2026-11-25T10:15:00Z");
        }
    }
}
