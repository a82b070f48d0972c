package io.triggerlab.engine.controlplane.sam;

import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.MappingRequest;

/** Copies of a CreateEventSourceMapping request with one member changed. */
final class Requests {

    private Requests() {
    }

    static CreateEventSourceMappingRequest withEventSourceArn(CreateEventSourceMappingRequest r, String arn) {
        CreateEventSourceMappingRequest.Builder copy = CreateEventSourceMappingRequest.builder();
        for (MappingRequest.Member member : MappingRequest.Member.values()) {
            copy.set(member, r.value(member));
        }
        return copy.eventSourceArn(arn).build();
    }
}
