package io.triggerlab.console.triggers;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;

/**
 * The one-word state a trigger shows in lists and headers. A {@code PROBLEM: …} processing result wins over the
 * state, because it is what a person has to act on; transitional states show with an ellipsis, as AWS's console does.
 */
public enum StateBadge {
    ENABLED("Enabled", "enabled"),
    DISABLED("Disabled", "disabled"),
    CREATING("Creating…", "transitional"),
    ENABLING("Enabling…", "transitional"),
    DISABLING("Disabling…", "transitional"),
    UPDATING("Updating…", "transitional"),
    DELETING("Deleting…", "transitional"),
    PROBLEM("PROBLEM", "problem"),
    /** A saved trigger shown before the engine runs: its state is the engine's to say once it does. */
    STARTING("Starting engine…", "transitional");

    private final String label;
    private final String styleClass;

    StateBadge(String label, String styleClass) {
        this.label = label;
        this.styleClass = styleClass;
    }

    public String label() {
        return label;
    }

    /** The CSS class suffix: {@code badge-enabled}, {@code badge-problem}, … */
    public String styleClass() {
        return "badge-" + styleClass;
    }

    public static StateBadge of(EventSourceMapping mapping) {
        return of(mapping.state(), mapping.lastProcessingResult());
    }

    public static StateBadge of(MappingState state, String lastProcessingResult) {
        if (lastProcessingResult != null && lastProcessingResult.startsWith("PROBLEM")
                && state != MappingState.DISABLED && state != MappingState.DELETING) {
            return PROBLEM;
        }
        switch (state) {
            case ENABLED:
                return ENABLED;
            case DISABLED:
                return DISABLED;
            case CREATING:
                return CREATING;
            case ENABLING:
                return ENABLING;
            case DISABLING:
                return DISABLING;
            case UPDATING:
                return UPDATING;
            case DELETING:
                return DELETING;
            default:
                throw new IllegalArgumentException("Unknown mapping state " + state);
        }
    }
}
