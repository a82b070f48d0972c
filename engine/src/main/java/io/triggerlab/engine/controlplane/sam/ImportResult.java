package io.triggerlab.engine.controlplane.sam;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What an import did: each function and trigger created, updated or found unchanged, and everything that could not be
 * mapped or applied, with resource and line.
 */
public record ImportResult(Path template, List<Action> actions, List<ImportProblem> problems, List<String> skipped) {

    public ImportResult {
        Objects.requireNonNull(template, "template");
        actions = List.copyOf(actions);
        problems = List.copyOf(problems);
        skipped = List.copyOf(skipped);
    }

    public enum Kind { FUNCTION, TRIGGER }

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    /**
     * @param resource the template's resource ({@code Function.Events.Name} for a SAM event)
     * @param name     the function name, or the trigger's UUID
     * @param detail   for a trigger: function, topic and source; for a function: runtime and handler; for an update:
     *                 the members changed
     */
    public record Action(Kind kind, String resource, String name, Outcome outcome, String detail) {
    }

    public List<Action> functions() {
        return actions.stream().filter(a -> a.kind() == Kind.FUNCTION).toList();
    }

    public List<Action> triggers() {
        return actions.stream().filter(a -> a.kind() == Kind.TRIGGER).toList();
    }
}
