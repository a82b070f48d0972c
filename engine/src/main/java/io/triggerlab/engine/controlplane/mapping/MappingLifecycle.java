package io.triggerlab.engine.controlplane.mapping;

/**
 * What the poller runtime hears from the control plane. Called after the change is stored, outside the service's
 * lock, on the caller's thread: implementations should hand the work to their own threads and return quickly. An
 * exception thrown here is logged; the API call still succeeds, since the change is already stored.
 */
public interface MappingLifecycle {

    /** No-op listener, until the poller runtime is wired in. */
    MappingLifecycle NONE = new MappingLifecycle() {
    };

    /** A mapping was created (state {@code Creating}); start polling and move it to Enabled or Disabled. */
    default void created(EventSourceMapping mapping) {
    }

    /** A mapping was updated (state {@code Updating}); apply {@code after} and move it to Enabled or Disabled. */
    default void updated(EventSourceMapping before, EventSourceMapping after) {
    }

    /** A mapping entered {@code Deleting}; stop polling, then call {@link MappingService#completeDeletion(String)}. */
    default void deleting(EventSourceMapping mapping) {
    }
}
