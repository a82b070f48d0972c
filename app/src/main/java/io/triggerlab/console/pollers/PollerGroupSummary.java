package io.triggerlab.console.pollers;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;

import java.util.List;

/**
 * A poller group in words, against AWS's limits: at most 100 mappings and 2,000 MaximumPollers in total per
 * {@code PollerGroupName} (an absent MaximumPollers counts as Kafka's default 200; mappings being deleted do not count).
 */
final class PollerGroupSummary {

    static final int MAX_MAPPINGS = 100;
    static final int MAX_POLLERS = 2000;

    private PollerGroupSummary() {
    }

    /** "" when {@code group} is blank. */
    static String of(String group, List<EventSourceMapping> all) {
        if (group == null || group.isBlank()) {
            return "";
        }
        List<EventSourceMapping> members = all.stream()
                .filter(m -> m.state() != MappingState.DELETING)
                .filter(m -> m.provisionedPollerConfig() != null
                        && group.equals(m.provisionedPollerConfig().pollerGroupName()))
                .toList();
        int pollers = members.stream().mapToInt(m -> m.provisionedPollerConfig().maximumPollers() == null
                ? ProvisionedPollerConfig.DEFAULT_MAXIMUM_POLLERS : m.provisionedPollerConfig().maximumPollers()).sum();
        return "Poller group " + group + ": " + members.size() + (members.size() == 1 ? " trigger" : " triggers")
                + " of at most " + MAX_MAPPINGS + ", " + pollers + " of at most " + String.format("%,d", MAX_POLLERS)
                + " MaximumPollers in total. The triggers of a group share its event poller units (EPU).";
    }
}
