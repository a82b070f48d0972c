package io.triggerlab.console.trigger;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;

/** What the trigger page asks of the engine. Every call may block; the ViewModel makes them in the background. */
public interface TriggerPageBackend {

    EventSourceMapping get(String uuid);

    EventSourceMapping update(String uuid, UpdateEventSourceMappingRequest request);

    EventSourceMapping delete(String uuid);

    /** How many Kafka consumers the trigger runs right now. */
    int pollerCount(String uuid);
}
