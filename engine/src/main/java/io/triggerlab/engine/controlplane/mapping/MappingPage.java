package io.triggerlab.engine.controlplane.mapping;

import java.util.List;

/**
 * One page of {@code ListEventSourceMappings}.
 *
 * @param eventSourceMappings at most 100 mappings
 * @param nextMarker          the {@code Marker} for the next page, or {@code null} on the last page
 */
public record MappingPage(List<EventSourceMapping> eventSourceMappings, String nextMarker) {

    public MappingPage {
        eventSourceMappings = List.copyOf(eventSourceMappings);
    }
}
