/**
 * Lambda's Runtime API hosted by the engine: one endpoint on 127.0.0.1 per execution environment, the runtime process
 * it serves (AWS's runtime interface clients where they run, TriggerLab's own small clients elsewhere, or a custom
 * runtime's {@code bootstrap}), and the environments kept warm between invocations as Lambda keeps them.
 */
package io.triggerlab.engine.invoke.runtime;
