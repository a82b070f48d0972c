package io.triggerlab.engine.controlplane.sam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an AWS SAM / CloudFormation template (YAML or JSON) into an {@link ImportPlan}: its functions
 * ({@code AWS::Serverless::Function} with {@code Globals.Function}, {@code AWS::Lambda::Function}) and Kafka triggers
 * (SAM {@code MSK} / {@code SelfManagedKafka} events, {@code AWS::Lambda::EventSourceMapping}), with
 * {@code Parameters} (defaults, overridable), {@code Conditions}, {@code Mappings} and the intrinsics
 * {@link Intrinsics} evaluates. Whatever cannot be mapped is a problem with its resource and line; the rest is read.
 * It changes nothing in the engine.
 */
public final class SamTemplateParser {

    private final String region;
    private final String accountId;

    /** @param region, accountId the engine's, for {@code AWS::Region}, {@code AWS::AccountId} and the ARNs built */
    public SamTemplateParser(String region, String accountId) {
        this.region = Objects.requireNonNull(region, "region");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
    }

    /**
     * @param template   the template file; code paths are resolved against its directory
     * @param parameters parameter values overriding the defaults
     * @throws TemplateSyntaxException when the file is not YAML or JSON, or is no template at all
     */
    public ImportPlan parse(Path template, Map<String, String> parameters) {
        Path file = template.toAbsolutePath().normalize();
        String name = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new TemplateSyntaxException(name, 0, "cannot be read: " + e.getMessage());
        }
        TemplateNode root = text.stripLeading().startsWith("{")
                ? new JsonTemplateReader(name).read(text) : new YamlTemplateReader(name).read(text);
        return plan(file, name, root, parameters);
    }

    private ImportPlan plan(Path file, String name, TemplateNode root, Map<String, String> overrides) {
        if (!(root instanceof TemplateNode.Mapping template)) {
            throw new TemplateSyntaxException(name, root.line(), "a template is a mapping with a Resources section");
        }
        if (!(template.get("Resources").orElse(null) instanceof TemplateNode.Mapping resources)) {
            throw new TemplateSyntaxException(name, template.lineOf("Resources"),
                    "the template has no Resources section (a mapping of logical IDs to resources)");
        }
        List<ImportProblem> problems = new ArrayList<>();
        TemplateParameters parameters = new TemplateParameters(template.get("Parameters").orElse(null), overrides, problems);
        Map<String, TemplateNode> conditions = new LinkedHashMap<>();
        if (template.get("Conditions").orElse(null) instanceof TemplateNode.Mapping c) {
            c.entries().forEach(e -> conditions.put(e.key(), e.value()));
        }
        Map<String, ResourceAttributes.Resource> refs = new LinkedHashMap<>();
        Path directory = file.getParent();
        String stackName = directory.getFileName() == null ? "sam-app" : directory.getFileName().toString();
        Intrinsics intrinsics = new Intrinsics(parameters, conditions, refs, new ResourceAttributes(region, accountId),
                template.get("Mappings").orElse(null), Map.of("AWS::Region", region, "AWS::AccountId", accountId,
                "AWS::Partition", "aws", "AWS::URLSuffix", "amazonaws.com", "AWS::StackName", stackName,
                "AWS::StackId", "arn:aws:cloudformation:" + region + ":" + accountId + ":stack/" + stackName + "/local"));
        PropertyValues values = new PropertyValues(intrinsics);
        for (TemplateNode.Entry entry : resources.entries()) {
            if (entry.value() instanceof TemplateNode.Mapping resource) {
                String type = values.text(resource, "Type").orElse("");
                refs.put(entry.key(), new ResourceAttributes.Resource(entry.key(), type, entry.line(),
                        property -> nameProperty(values, resource, property)));
            }
        }
        TemplateNode.Mapping globals = globalsFunction(template, problems);
        ResourceWalk walk = new ResourceWalk(values, new FunctionReader(values, directory), new TriggerReader(values),
                globals, problems);
        for (TemplateNode.Entry entry : resources.entries()) {
            walk.resource(entry.key(), entry.line(), entry.value());
        }
        return new ImportPlan(file, walk.functions(), walk.triggers(), problems, walk.skipped());
    }

    private static TemplateNode.Mapping globalsFunction(TemplateNode.Mapping template, List<ImportProblem> problems) {
        Optional<TemplateNode> globals = template.get("Globals");
        if (globals.isEmpty()) {
            return null;
        }
        if (globals.get() instanceof TemplateNode.Mapping g && g.get("Function").orElse(null) instanceof TemplateNode.Mapping f) {
            return f;
        }
        if (globals.get() instanceof TemplateNode.Mapping g && g.get("Function").isPresent()) {
            problems.add(new ImportProblem("Globals", g.lineOf("Function"), "Globals.Function must be a mapping"));
        }
        return null;
    }

    /** A name property of a resource (FunctionName, QueueName…), or null when absent or not evaluable. */
    private static String nameProperty(PropertyValues values, TemplateNode.Mapping resource, String property) {
        try {
            return values.mapping(resource, "Properties").flatMap(p -> values.text(p, property)).orElse(null);
        } catch (UnmappableException e) {
            return null;
        }
    }
}
