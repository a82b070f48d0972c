package io.triggerlab.engine.controlplane.mapping;

/** Where a new consumer group starts reading (docs/aws-behaviour.md#starting-position). */
public enum StartingPosition {
    TRIM_HORIZON, LATEST, AT_TIMESTAMP
}
