package io.triggerlab.engine.controlplane.mapping;

import java.util.Arrays;

/** The {@code State} of an event source mapping, with AWS's spelling in {@link #awsName()} (docs/aws-behaviour.md#response). */
public enum MappingState {
    CREATING("Creating"),
    ENABLING("Enabling"),
    ENABLED("Enabled"),
    DISABLING("Disabling"),
    DISABLED("Disabled"),
    UPDATING("Updating"),
    DELETING("Deleting");

    private final String awsName;

    MappingState(String awsName) {
        this.awsName = awsName;
    }

    /** The value as it appears in the API, e.g. {@code Enabled}. */
    public String awsName() {
        return awsName;
    }

    public static MappingState fromAwsName(String name) {
        return Arrays.stream(values()).filter(s -> s.awsName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown mapping state '" + name
                        + "': expected one of " + Arrays.stream(values()).map(MappingState::awsName).toList()));
    }
}
