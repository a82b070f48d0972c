package io.triggerlab.console.trigger;

import io.triggerlab.engine.mapping.OffsetReset;
import io.triggerlab.engine.mapping.OffsetResetResult;

/** Resets a disabled trigger's consumer group (a TriggerLab extra). Blocks; the ViewModel calls it in the background. */
@FunctionalInterface
public interface OffsetResetBackend {

    OffsetResetResult resetOffsets(String uuid, OffsetReset target);
}
