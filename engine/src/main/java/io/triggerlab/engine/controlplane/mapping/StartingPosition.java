package io.triggerlab.engine.controlplane.mapping;

/** Where a new consumer group starts reading (spec §5.2). */
public enum StartingPosition {
    TRIM_HORIZON, LATEST, AT_TIMESTAMP
}
