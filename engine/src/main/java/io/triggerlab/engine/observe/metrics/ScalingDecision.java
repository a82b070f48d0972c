package io.triggerlab.engine.observe.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of a mapping's poller count, with why: kept in the {@code scaling_decision} table and announced as an
 * engine event.
 *
 * @param id      assigned by the store; 0 before
 * @param message the figures behind the decision, e.g. {@code OffsetLag rose from 120 to 480 over 60 s}
 */
public record ScalingDecision(long id, String mappingUuid, Instant at, int fromPollers, int toPollers,
                              ScalingReason reason, String message) {

    public ScalingDecision {
        Objects.requireNonNull(mappingUuid, "mappingUuid");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        if (fromPollers < 0 || toPollers < 0) {
            throw new IllegalArgumentException("Poller counts must not be negative: " + fromPollers + " -> " + toPollers);
        }
    }

    public ScalingDecision withId(long newId) {
        return new ScalingDecision(newId, mappingUuid, at, fromPollers, toPollers, reason, message);
    }
}
