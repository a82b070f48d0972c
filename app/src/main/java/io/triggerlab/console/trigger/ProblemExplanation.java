package io.triggerlab.console.trigger;

import java.util.List;
import java.util.Objects;

/**
 * A plain-language explanation of a {@code LastProcessingResult}: what it means, what usually causes it and what to
 * change.
 */
public record ProblemExplanation(String title, List<String> causes, List<String> fixes) {

    public ProblemExplanation {
        Objects.requireNonNull(title, "title");
        causes = List.copyOf(causes);
        fixes = List.copyOf(fixes);
    }

    /** Causes and fixes as bullet text, for a label. */
    public String asText() {
        StringBuilder text = new StringBuilder("Likely causes:\n");
        causes.forEach(c -> text.append("  • ").append(c).append('\n'));
        text.append("What to do:\n");
        fixes.forEach(f -> text.append("  • ").append(f).append('\n'));
        return text.toString().stripTrailing();
    }
}
