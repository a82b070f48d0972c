package io.triggerlab.engine.controlplane.mapping;

import java.time.Clock;
import java.util.Objects;

/**
 * Checks Create and Update requests against every Kafka rule of spec §1.2, in AWS's order: the model constraints
 * first (all reported together), then the semantic rules (first failure wins). It does not look up functions or
 * clusters; {@link MappingService} does.
 */
public final class MappingValidator {

    private final KafkaSourceRules sourceRules;

    /** @param clock "now", for the rule that StartingPositionTimestamp cannot be in the future */
    public MappingValidator(Clock clock) {
        this.sourceRules = new KafkaSourceRules(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * @throws ValidationException listing every model constraint broken
     * @throws InvalidParameterValueException on the first semantic rule broken
     */
    public void validateCreate(CreateEventSourceMappingRequest request) {
        MappingChange change = MappingChange.of(request);
        Violations violations = new Violations();
        violations.notNull("functionName", change.functionName());
        ModelConstraints.check(change, violations);
        violations.throwIfAny();
        ModelConstraints.functionNameLength(change.functionName());
        sourceRules.check(change);
        ProcessingRules.check(change, change.topics().get(0));
    }

    /** @throws InvalidParameterValueException on the first rule broken, given the mapping being updated */
    public void validateUpdate(UpdateEventSourceMappingRequest request, EventSourceMapping existing) {
        MappingChange change = MappingChange.of(request);
        createOnly(change);
        Violations violations = new Violations();
        ModelConstraints.check(change, violations);
        violations.throwIfAny();
        ModelConstraints.functionNameLength(change.functionName());
        if (existing.isMsk() && change.selfManagedKafkaEventSourceConfig() != null) {
            throw ProcessingRules.unsupported("selfManagedKafkaEventSourceConfig");
        }
        if (!existing.isMsk() && change.amazonManagedKafkaEventSourceConfig() != null) {
            throw ProcessingRules.unsupported("amazonManagedKafkaEventSourceConfig");
        }
        KafkaSourceRules.accessTypes(change.sourceAccessConfigurations(), existing.isMsk());
        ProcessingRules.check(change, existing.topic());
    }

    private static void createOnly(MappingChange c) {
        refuseOnUpdate("EventSourceArn", c.eventSourceArn());
        refuseOnUpdate("SelfManagedEventSource", c.selfManagedEventSource());
        refuseOnUpdate("Topics", c.topics());
        refuseOnUpdate("StartingPosition", c.startingPosition());
        refuseOnUpdate("StartingPositionTimestamp", c.startingPositionTimestamp());
        refuseOnUpdate("Tags", c.tags());
        KafkaEventSourceConfig kafka = c.amazonManagedKafkaEventSourceConfig() != null
                ? c.amazonManagedKafkaEventSourceConfig() : c.selfManagedKafkaEventSourceConfig();
        if (kafka != null && kafka.consumerGroupId() != null) {
            refuseOnUpdate("ConsumerGroupId", kafka.consumerGroupId());
        }
    }

    private static void refuseOnUpdate(String member, Object value) {
        if (value != null) {
            String hint = member.equals("Tags") ? "use TagResource to change tags"
                    : "delete this mapping and create a new one to change it";
            throw new InvalidParameterValueException(member + " cannot be updated: it can only be set by "
                    + "CreateEventSourceMapping; " + hint);
        }
    }
}
