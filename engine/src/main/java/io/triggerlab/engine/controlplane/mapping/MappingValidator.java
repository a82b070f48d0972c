package io.triggerlab.engine.controlplane.mapping;

import java.time.Clock;
import java.util.Objects;

/**
 * Checks Create and Update requests against every Kafka rule of docs/aws-behaviour.md#api-members, in AWS's order: the model constraints
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
        Violations violations = new Violations();
        violations.notNull("functionName", request.functionName());
        ModelConstraints.check(request, violations);
        violations.throwIfAny();
        ModelConstraints.functionNameLength(request.functionName());
        sourceRules.check(request);
        ProcessingRules.check(request, request.topics().get(0));
    }

    /**
     * @throws ValidationException listing every model constraint broken
     * @throws InvalidParameterValueException on the first semantic rule broken, given the mapping being updated
     */
    public void validateUpdate(UpdateEventSourceMappingRequest request, EventSourceMapping existing) {
        createOnly(request);
        Violations violations = new Violations();
        ModelConstraints.check(request, violations);
        violations.throwIfAny();
        ModelConstraints.functionNameLength(request.functionName());
        if (existing.isMsk() && request.selfManagedKafkaEventSourceConfig() != null) {
            throw ProcessingRules.unsupported("selfManagedKafkaEventSourceConfig");
        }
        if (!existing.isMsk() && request.amazonManagedKafkaEventSourceConfig() != null) {
            throw ProcessingRules.unsupported("amazonManagedKafkaEventSourceConfig");
        }
        KafkaSourceRules.accessTypes(request.sourceAccessConfigurations(), existing.isMsk());
        ProcessingRules.check(request, existing.topic());
    }

    private static void createOnly(MappingRequest c) {
        for (MappingRequest.Member member : MappingRequest.Member.values()) {
            if (member.scope() == MappingRequest.Scope.CREATE_ONLY) {
                refuseOnUpdate(member.awsName(), c.value(member));
            }
        }
        KafkaEventSourceConfig kafka = c.amazonManagedKafkaEventSourceConfig() != null
                ? c.amazonManagedKafkaEventSourceConfig() : c.selfManagedKafkaEventSourceConfig();
        if (kafka != null && kafka.consumerGroupId() != null) {
            refuseOnUpdate("ConsumerGroupId", kafka.consumerGroupId());
        }
    }

    private static void refuseOnUpdate(String member, Object value) {
        if (value != null) {
            String hint = member.equals(MappingRequest.Member.TAGS.awsName()) ? "use TagResource to change tags"
                    : "delete this mapping and create a new one to change it";
            throw new InvalidParameterValueException(member + " cannot be updated: it can only be set by "
                    + "CreateEventSourceMapping; " + hint);
        }
    }
}
