package io.triggerlab.engine.runtime.destination;

import io.triggerlab.engine.runtime.payload.EventSource;

import java.util.Objects;

/** What every failure record of one mapping says about where it came from. */
public record DestinationContext(String functionArn, EventSource eventSource) {

    public DestinationContext {
        Objects.requireNonNull(functionArn, "functionArn");
        Objects.requireNonNull(eventSource, "eventSource");
    }
}
