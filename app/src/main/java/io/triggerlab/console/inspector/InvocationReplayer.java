package io.triggerlab.console.inspector;

import io.triggerlab.engine.observe.history.InvocationRecord;

/** Replays a stored invocation into its function (the engine's {@code Engine#replay}). Blocks; called in the background. */
@FunctionalInterface
public interface InvocationReplayer {

    /** The new history entry of the replay. */
    InvocationRecord replay(long invocationId);
}
