package io.triggerlab.engine.controlplane.mapping;

import io.triggerlab.engine.infra.store.MappingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The runtime's reports written to the mapping store. Every read-modify-write of a stored mapping — these reports and
 * the API's changes in {@link MappingService} — holds {@link #writeLock()}, so a state report never writes back an
 * older copy of a mapping the API just changed.
 */
public final class StoredMappingStatus implements MappingStatus {

    private static final Logger log = LoggerFactory.getLogger(StoredMappingStatus.class);

    private final MappingRepository repository;
    private final Clock clock;
    private final Object lock = new Object();

    public StoredMappingStatus(MappingRepository repository, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Held by every read-modify-write of a stored mapping. */
    Object writeLock() {
        return lock;
    }

    MappingRepository repository() {
        return repository;
    }

    @Override
    public List<EventSourceMapping> all() {
        return repository.findAll();
    }

    @Override
    public EventSourceMapping markState(String uuid, MappingState state, String reason) {
        Objects.requireNonNull(state, "state");
        synchronized (lock) {
            EventSourceMapping changed = require(uuid).withState(state, reason,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
            repository.update(changed);
            return changed;
        }
    }

    @Override
    public EventSourceMapping recordProcessingResult(String uuid, String lastProcessingResult) {
        Objects.requireNonNull(lastProcessingResult, "lastProcessingResult");
        synchronized (lock) {
            EventSourceMapping current = require(uuid);
            EventSourceMapping changed = current.withLastProcessingResult(lastProcessingResult);
            String reason = StopReasons.after(lastProcessingResult, current.stateTransitionReason());
            if (reason != null && current.state() == MappingState.ENABLED) {
                changed = changed.withState(MappingState.ENABLED, reason, clock.instant().truncatedTo(ChronoUnit.MILLIS));
                log.info("Event source mapping {}: StateTransitionReason {} ({})", uuid, reason, lastProcessingResult);
            }
            repository.update(changed);
            return changed;
        }
    }

    @Override
    public boolean completeDeletion(String uuid) {
        synchronized (lock) {
            boolean removed = repository.delete(uuid);
            if (removed) {
                log.info("Deleted event source mapping {}", uuid);
            }
            return removed;
        }
    }

    private EventSourceMapping require(String uuid) {
        return repository.find(uuid).orElseThrow(() -> new ResourceNotFoundException(
                "The resource you requested does not exist."));
    }
}
