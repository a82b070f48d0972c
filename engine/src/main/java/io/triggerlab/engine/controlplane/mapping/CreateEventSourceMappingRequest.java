package io.triggerlab.engine.controlplane.mapping;

import java.util.Map;

/**
 * The body of {@code CreateEventSourceMapping} (docs/aws-behaviour.md#api-members) as given by the caller; its members
 * are declared once in {@link MappingRequest}. Absent members take AWS's defaults when the mapping is assembled.
 */
public record CreateEventSourceMappingRequest(Map<MappingRequest.Member, Object> members) implements MappingRequest {

    public CreateEventSourceMappingRequest {
        members = MappingRequest.copyOf(members);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every member starts absent ({@code null}). */
    public static final class Builder extends MappingRequest.Builder<Builder, CreateEventSourceMappingRequest> {

        private Builder() {
        }

        @Override
        public CreateEventSourceMappingRequest build() {
            return new CreateEventSourceMappingRequest(members());
        }
    }
}
