package io.triggerlab.console.lag;

import java.time.Instant;
import java.util.Objects;

/** One point of a lag line: the lag in records at a time. */
public record LagPoint(Instant at, double lag) {

    public LagPoint {
        Objects.requireNonNull(at, "at");
    }
}
