package io.triggerlab.console.step;

import io.triggerlab.engine.runtime.step.StepMode;

/** What the step-mode bar asks of the engine ({@code EngineClient}'s step-mode calls); every call may block. */
public interface StepModeBackend {

    StepMode.Status status(String mappingUuid);

    StepMode.Status set(String mappingUuid, boolean enabled);

    StepMode.Status deliverNext(String mappingUuid);
}
