package io.triggerlab.engine.runtime.offsets;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingService;
import io.triggerlab.engine.controlplane.mapping.ResourceInUseException;
import io.triggerlab.engine.controlplane.mapping.ServiceException;

import java.util.List;

/**
 * Moves a mapping's consumer group on its cluster (the Kafka Admin API in the engine; a fake in unit tests). The
 * {@link MappingService} checks the mapping is Disabled before it calls this.
 */
public interface ConsumerGroupOffsets {

    /** For a service built without a cluster connection: every reset is refused with a clear message. */
    ConsumerGroupOffsets UNAVAILABLE = (mapping, target) -> {
        throw new ServiceException("Resetting offsets needs the engine's Kafka connection, which this control plane "
                + "was built without");
    };

    /**
     * Commits {@code target}'s offset for every partition of the mapping's topic in its consumer group.
     *
     * @return per partition, the offset before and after, partition order
     * @throws ResourceInUseException when the group still has members
     * @throws ServiceException       when the cluster cannot be reached or refuses
     */
    List<PartitionOffsetReset> reset(EventSourceMapping mapping, OffsetReset target);
}
