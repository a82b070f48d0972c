package io.triggerlab.engine.controlplane.sam;

import java.util.Objects;

/**
 * Something in the template that TriggerLab could not import, named by resource and line; the rest still imports.
 *
 * @param resource the logical ID (with {@code .Events.Name} for an event), or the template section
 *                 ({@code Parameters}, {@code Globals}…)
 * @param line     the 1-based line in the template, or 0 when it has none (a {@code --param} naming no parameter)
 * @param message  what could not be mapped and why, and what to do where there is something to do
 */
public record ImportProblem(String resource, int line, String message) {

    public ImportProblem {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(message, "message");
    }

    /** {@code MyFunction (line 12): Layers are not mapped …} */
    @Override
    public String toString() {
        return resource + (line > 0 ? " (line " + line + ")" : "") + ": " + message;
    }
}
