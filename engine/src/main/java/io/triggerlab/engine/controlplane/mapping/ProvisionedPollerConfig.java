package io.triggerlab.engine.controlplane.mapping;

/**
 * {@code ProvisionedPollerConfig}: provisioned mode. Absent means on-demand mode; an empty object on update returns
 * to on-demand. Kafka defaults: MinimumPollers 1, MaximumPollers 200 (docs/aws-behaviour.md#api-members, #scaling).
 */
public record ProvisionedPollerConfig(Integer minimumPollers, Integer maximumPollers, String pollerGroupName) {

    public static final int DEFAULT_MINIMUM_POLLERS = 1;
    public static final int DEFAULT_MAXIMUM_POLLERS = 200;

    /** True for {@code {}}: no member given. */
    public boolean isEmpty() {
        return minimumPollers == null && maximumPollers == null && pollerGroupName == null;
    }
}
