package io.triggerlab.console.pollers;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;

import java.util.List;

/** What the "Pollers" tab asks of the engine. Every call may block; the ViewModel makes them in the background. */
public interface PollersBackend {

    /** Every mapping, to sum up the poller group of the one shown. */
    List<EventSourceMapping> mappings();

    /** UpdateEventSourceMapping. */
    EventSourceMapping update(String uuid, UpdateEventSourceMappingRequest request);
}
