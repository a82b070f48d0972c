package io.triggerlab.engine.runtime.poll;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a consumer starts in a partition for which its group has no committed offset: the mapping's
 * {@code StartingPosition}. A committed offset always wins, as on AWS.
 */
public sealed interface InitialPosition {

    /** {@code TRIM_HORIZON}: the oldest record still in the log. */
    record Earliest() implements InitialPosition {
    }

    /** {@code LATEST}: just after the newest record at the time of assignment. */
    record Latest() implements InitialPosition {
    }

    /** {@code AT_TIMESTAMP}: the first record whose timestamp is at or after the instant (the end if there is none). */
    record AtTimestamp(Instant timestamp) implements InitialPosition {
        public AtTimestamp {
            Objects.requireNonNull(timestamp, "timestamp");
        }
    }
}
