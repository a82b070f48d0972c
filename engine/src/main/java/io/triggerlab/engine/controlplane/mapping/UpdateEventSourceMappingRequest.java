package io.triggerlab.engine.controlplane.mapping;

import java.util.Map;

/**
 * The body of {@code UpdateEventSourceMapping}: {@code null} means "leave unchanged". Its members are declared once in
 * {@link MappingRequest}; the create-only members and those that do not apply to Kafka are carried only so that their
 * presence can be refused with a clear message.
 */
public record UpdateEventSourceMappingRequest(Map<MappingRequest.Member, Object> members) implements MappingRequest {

    public UpdateEventSourceMappingRequest {
        members = MappingRequest.copyOf(members);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every member starts absent ({@code null}). */
    public static final class Builder extends MappingRequest.Builder<Builder, UpdateEventSourceMappingRequest> {

        private Builder() {
        }

        @Override
        public UpdateEventSourceMappingRequest build() {
            return new UpdateEventSourceMappingRequest(members());
        }
    }
}
