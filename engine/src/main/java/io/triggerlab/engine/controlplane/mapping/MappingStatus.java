package io.triggerlab.engine.controlplane.mapping;

import java.util.List;

/**
 * What the runtime reports back about the mappings it runs: the state each reached, its
 * {@code LastProcessingResult}, and that a deleted one is gone. The runtime is given this at construction, so the
 * control plane and the runtime need no link made after both exist.
 */
public interface MappingStatus {

    /** Every stored mapping in creation order, in its last state — for restart recovery. */
    List<EventSourceMapping> all();

    /** The mapping reached {@code state} (e.g. Enabled after Creating), for {@code reason}; returns it as stored. */
    EventSourceMapping markState(String uuid, MappingState state, String reason);

    /** A new {@code LastProcessingResult} ({@code OK}, {@code PROBLEM: …}); returns the mapping as stored. */
    EventSourceMapping recordProcessingResult(String uuid, String lastProcessingResult);

    /** Polling stopped, the mapping is gone. Returns false when it was already gone. */
    boolean completeDeletion(String uuid);
}
