package io.triggerlab.console.faults;

import io.triggerlab.engine.invoke.faults.FaultKind;
import io.triggerlab.engine.invoke.faults.FaultPlan;

import java.util.Optional;

/** What the fault injection panel asks of the engine ({@code Engine.faults()}); calls may block. */
public interface FaultSwitch {

    /** The registered function's name for a trigger's FunctionArn; fails with a clear message when none is registered. */
    String functionNameOf(String functionArn);

    /** What is still armed for the function. */
    Optional<FaultPlan> plan(String functionName);

    /** Arms {@code count} faults of {@code kind}, replacing what was armed for the function. */
    FaultPlan arm(String functionName, FaultKind kind, int count);

    /** Disarms the function's faults; returns what was still armed. */
    Optional<FaultPlan> clear(String functionName);
}
