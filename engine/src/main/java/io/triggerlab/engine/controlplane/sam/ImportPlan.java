package io.triggerlab.engine.controlplane.sam;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a template holds for TriggerLab: the functions and Kafka triggers to create or update, and what could not be
 * mapped. Nothing has been changed in the engine yet; {@link TemplateImporter} applies a plan.
 *
 * @param template  the template file
 * @param functions the functions, in template order
 * @param triggers  the Kafka triggers, in template order
 * @param problems  what could not be mapped, with resource and line
 * @param skipped   resources left out because their {@code Condition} is false
 */
public record ImportPlan(Path template, List<ImportedFunction> functions, List<ImportedTrigger> triggers,
                         List<ImportProblem> problems, List<String> skipped) {

    public ImportPlan {
        Objects.requireNonNull(template, "template");
        functions = List.copyOf(functions);
        triggers = List.copyOf(triggers);
        problems = List.copyOf(problems);
        skipped = List.copyOf(skipped);
    }

    /** The distinct MSK cluster ARNs the template's triggers name, in template order. */
    public List<String> mskClusterArns() {
        return triggers.stream().filter(ImportedTrigger::isMsk).map(t -> t.request().eventSourceArn()).distinct().toList();
    }
}
