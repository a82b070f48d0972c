package io.triggerlab.engine.invoke.faults;

import java.util.Objects;

/**
 * The faults armed for one function: the next {@code remaining} invocations come to {@code kind}.
 *
 * @param functionName the registered function's name
 * @param kind         what each injected invocation comes to
 * @param requested    how many invocations were asked to fail when the plan was armed
 * @param remaining    how many are still to come (0 once used up; a used-up plan is removed)
 */
public record FaultPlan(String functionName, FaultKind kind, int requested, int remaining) {

    /** More than this is a typo, not a lesson: with retries a single batch rarely needs more than a few dozen. */
    public static final int MAX_COUNT = 10_000;

    public FaultPlan {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(kind, "kind");
        if (requested < 1 || requested > MAX_COUNT) {
            throw new IllegalArgumentException("Fault count " + requested + " is out of range: must be 1.." + MAX_COUNT);
        }
        if (remaining < 0 || remaining > requested) {
            throw new IllegalArgumentException("remaining " + remaining + " must be 0.." + requested);
        }
    }

    /** Which injected invocation of the plan this is, 1-based, once the next one is taken. */
    int nextOrdinal() {
        return requested - remaining + 1;
    }
}
