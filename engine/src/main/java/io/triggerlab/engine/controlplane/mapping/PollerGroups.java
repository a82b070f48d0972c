package io.triggerlab.engine.controlplane.mapping;

import java.util.List;

/**
 * Poller groups ({@code ProvisionedPollerConfig.PollerGroupName}): "You can group up to 100 ESMs per poller group and
 * aggregate maximum pollers across all ESMs in a group cannot exceed 2000" (the API reference of
 * ProvisionedPollerConfig). An empty name is no group. AWS's error text for either limit is not public; the type
 * (InvalidParameterValueException) and the words are TriggerLab's reading (docs/aws-reading.md).
 */
final class PollerGroups {

    static final int MAX_MAPPINGS_PER_GROUP = 100;
    static final int MAX_POLLERS_PER_GROUP = 2000;

    private PollerGroups() {
    }

    /** The group a mapping belongs to, or {@code null}. */
    static String groupOf(EventSourceMapping mapping) {
        ProvisionedPollerConfig config = mapping.provisionedPollerConfig();
        if (config == null || config.pollerGroupName() == null || config.pollerGroupName().isEmpty()) {
            return null;
        }
        return config.pollerGroupName();
    }

    /** @throws InvalidParameterValueException when {@code candidate} would take its group past a limit */
    static void check(EventSourceMapping candidate, List<EventSourceMapping> stored) {
        String group = groupOf(candidate);
        if (group == null) {
            return;
        }
        List<EventSourceMapping> others = stored.stream()
                .filter(m -> !m.uuid().equals(candidate.uuid()))
                .filter(m -> m.state() != MappingState.DELETING)
                .filter(m -> group.equals(groupOf(m)))
                .toList();
        if (others.size() + 1 > MAX_MAPPINGS_PER_GROUP) {
            throw new InvalidParameterValueException("Poller group " + group + " already has " + others.size()
                    + " event source mappings: a poller group holds at most " + MAX_MAPPINGS_PER_GROUP
                    + ". Use another PollerGroupName, or none");
        }
        int pollers = maximumPollers(candidate) + others.stream().mapToInt(PollerGroups::maximumPollers).sum();
        if (pollers > MAX_POLLERS_PER_GROUP) {
            throw new InvalidParameterValueException("Poller group " + group + " would have " + pollers
                    + " MaximumPollers in total: the MaximumPollers of all event source mappings in a poller group "
                    + "cannot exceed " + MAX_POLLERS_PER_GROUP + ". Lower MaximumPollers, or use another "
                    + "PollerGroupName");
        }
    }

    private static int maximumPollers(EventSourceMapping mapping) {
        Integer max = mapping.provisionedPollerConfig().maximumPollers();
        return max == null ? ProvisionedPollerConfig.DEFAULT_MAXIMUM_POLLERS : max;
    }
}
