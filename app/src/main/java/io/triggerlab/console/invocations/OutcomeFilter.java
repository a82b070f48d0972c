package io.triggerlab.console.invocations;

import io.triggerlab.engine.observe.history.InvocationOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A choice of the outcome filter: a label and the outcomes it keeps (empty keeps all). */
public record OutcomeFilter(String label, Set<InvocationOutcome> outcomes) {

    public static final OutcomeFilter ALL = new OutcomeFilter("All outcomes", Set.of());
    public static final OutcomeFilter FAILURES = new OutcomeFilter("Failures only", InvocationOutcome.failures());

    public OutcomeFilter {
        outcomes = Set.copyOf(outcomes);
    }

    /** All, failures only, then one choice per outcome. */
    public static List<OutcomeFilter> choices() {
        List<OutcomeFilter> choices = new ArrayList<>(List.of(ALL, FAILURES));
        for (InvocationOutcome outcome : InvocationOutcome.values()) {
            choices.add(new OutcomeFilter(InvocationRow.describe(outcome), Set.of(outcome)));
        }
        return choices;
    }

    @Override
    public String toString() {
        return label;
    }
}
