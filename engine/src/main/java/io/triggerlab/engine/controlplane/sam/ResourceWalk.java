package io.triggerlab.engine.controlplane.sam;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Visits the template's resources one by one and collects the functions and triggers; a problem in one resource (or
 * one event) is recorded with its line and the walk goes on with the next.
 */
final class ResourceWalk {

    private final PropertyValues values;
    private final FunctionReader functionReader;
    private final TriggerReader triggerReader;
    private final TemplateNode.Mapping globals;
    private final List<ImportProblem> problems;
    private final List<ImportedFunction> functions = new ArrayList<>();
    private final List<ImportedTrigger> triggers = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    ResourceWalk(PropertyValues values, FunctionReader functionReader, TriggerReader triggerReader,
                 TemplateNode.Mapping globals, List<ImportProblem> problems) {
        this.values = values;
        this.functionReader = functionReader;
        this.triggerReader = triggerReader;
        this.globals = globals;
        this.problems = problems;
    }

    void resource(String id, int line, TemplateNode node) {
        try {
            if (!(node instanceof TemplateNode.Mapping resource)) {
                throw new UnmappableException(line, "a resource must be a mapping with Type and Properties");
            }
            String type = values.text(resource, "Type").orElse("");
            if (!type.equals("AWS::Serverless::Function") && !type.equals("AWS::Lambda::Function")
                    && !type.equals("AWS::Lambda::EventSourceMapping")) {
                return;
            }
            Optional<String> condition = values.text(resource, "Condition");
            if (condition.isPresent() && !values.intrinsics().condition(condition.get(), resource.lineOf("Condition"))) {
                skipped.add(id + " (condition " + condition.get() + " is false)");
                return;
            }
            TemplateNode.Mapping properties = values.mapping(resource, "Properties")
                    .orElse(new TemplateNode.Mapping(List.of(), line));
            switch (type) {
                case "AWS::Serverless::Function" -> serverlessFunction(id, line, GlobalsMerge.merge(globals, properties));
                case "AWS::Lambda::Function" -> functionReader.lambda(id, line, properties, problems).ifPresent(functions::add);
                default -> triggerReader.mappingResource(id, line, properties, problems).ifPresent(triggers::add);
            }
        } catch (UnmappableException e) {
            problems.add(new ImportProblem(id, e.line(), e.getMessage()));
        }
    }

    private void serverlessFunction(String id, int line, TemplateNode.Mapping properties) {
        Optional<ImportedFunction> function = functionReader.serverless(id, line, properties, problems);
        function.ifPresent(functions::add);
        Optional<TemplateNode.Mapping> events = values.mapping(properties, "Events");
        if (events.isEmpty()) {
            return;
        }
        String functionName = function.map(ImportedFunction::name)
                .orElseGet(() -> values.text(properties, "FunctionName").orElse(id));
        for (TemplateNode.Entry event : events.get().entries()) {
            String resource = id + ".Events." + event.key();
            try {
                TemplateNode node = values.intrinsics().select(event.value());
                if (node != null) {
                    triggerReader.samEvent(resource, event.line(), functionName, node, problems).ifPresent(triggers::add);
                }
            } catch (UnmappableException e) {
                problems.add(new ImportProblem(resource, e.line(), e.getMessage()));
            }
        }
    }

    List<ImportedFunction> functions() {
        return functions;
    }

    List<ImportedTrigger> triggers() {
        return triggers;
    }

    List<String> skipped() {
        return skipped;
    }
}
