package io.triggerlab.console.trigger;

import io.triggerlab.engine.runtime.offsets.OffsetReset;
import io.triggerlab.engine.runtime.offsets.OffsetResetResult;

/** Resets a disabled trigger's consumer group (a TriggerLab extra). Blocks; the ViewModel calls it in the background. */
@FunctionalInterface
public interface OffsetResetBackend {

    OffsetResetResult resetOffsets(String uuid, OffsetReset target);
}
