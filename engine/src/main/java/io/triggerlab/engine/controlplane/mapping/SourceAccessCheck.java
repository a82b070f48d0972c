package io.triggerlab.engine.controlplane.mapping;

/**
 * Refuses, at CreateEventSourceMapping and UpdateEventSourceMapping, a {@code SourceAccessConfigurations} combination
 * AWS would refuse (two authentication methods on one self-managed mapping, the same type twice, …), so it never
 * reaches the pollers. Defined here and implemented in {@code auth}, which already depends on this package.
 */
@FunctionalInterface
public interface SourceAccessCheck {

    /** Accepts everything: for tests and tools that build a {@link MappingService} without the auth rules. */
    SourceAccessCheck NONE = mapping -> { };

    /**
     * @param mapping the mapping as it would be stored (created, or updated with new SourceAccessConfigurations)
     * @throws InvalidParameterValueException saying which entries clash and what to do
     */
    void check(EventSourceMapping mapping);
}
