/**
 * Step mode, a TriggerLab extra: a trigger's batches wait for "Deliver next batch", so a developer can sit at a
 * breakpoint in the function without the trigger running on.
 */
package io.triggerlab.engine.runtime.step;
