package io.triggerlab.engine.controlplane.sam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The template's {@code Parameters}: each one's value is the override given at import ({@code --param K=V}), else its
 * {@code Default}. A parameter with neither has no value; a {@code !Ref} to it cannot be mapped.
 */
final class TemplateParameters {

    /** A parameter's value: text, or a list for the list types. */
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new LinkedHashMap<>();
    private final Map<String, String> types = new LinkedHashMap<>();
    private final Set<String> overridden;

    /**
     * @param section   the {@code Parameters} mapping, or {@code null}
     * @param overrides the values given at import
     * @param problems  where a parameter that cannot be read or an override naming no parameter is reported
     */
    TemplateParameters(TemplateNode section, Map<String, String> overrides, List<ImportProblem> problems) {
        overridden = Set.copyOf(overrides.keySet());
        Set<String> unused = new HashSet<>(overrides.keySet());
        if (section instanceof TemplateNode.Mapping mapping) {
            for (TemplateNode.Entry entry : mapping.entries()) {
                String name = entry.key();
                unused.remove(name);
                lines.put(name, entry.line());
                if (!(entry.value() instanceof TemplateNode.Mapping declaration)) {
                    problems.add(new ImportProblem("Parameters." + name, entry.line(),
                            "a parameter must be a mapping with a Type"));
                    continue;
                }
                String type = declaration.get("Type").filter(TemplateNode.Scalar.class::isInstance)
                        .map(n -> ((TemplateNode.Scalar) n).text()).orElse("String");
                types.put(name, type);
                Optional<String> value = Optional.ofNullable(overrides.get(name))
                        .or(() -> declaration.get("Default").flatMap(TemplateParameters::text));
                value.ifPresent(v -> values.put(name, typed(type, v)));
            }
        } else if (section != null) {
            problems.add(new ImportProblem("Parameters", section.line(), "the Parameters section must be a mapping"));
        }
        for (String name : unused.stream().sorted().toList()) {
            problems.add(new ImportProblem("Parameters", 0, "--param " + name + " names no parameter of the template"
                    + (lines.isEmpty() ? " (it has none)" : "; its parameters are " + String.join(", ", lines.keySet()))));
        }
    }

    boolean declares(String name) {
        return lines.containsKey(name);
    }

    /** The value of a declared parameter, or the reason it has none. */
    Object value(String name, int line) {
        Object value = values.get(name);
        if (value == null) {
            throw new UnmappableException(line, "parameter " + name + " has no Default: give it a value with --param "
                    + name + "=VALUE");
        }
        String type = types.getOrDefault(name, "String");
        if (type.startsWith("AWS::SSM::Parameter::Value") && !(value instanceof List<?>) && isDefaultOnly(name)) {
            throw new UnmappableException(line, "parameter " + name + " is read from SSM Parameter Store (" + type
                    + "), which TriggerLab cannot read: give it a value with --param " + name + "=VALUE");
        }
        return value;
    }

    private boolean isDefaultOnly(String name) {
        return !overridden.contains(name);
    }

    private static Object typed(String type, String text) {
        if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
            return new ArrayList<>(Arrays.stream(text.split(",", -1)).map(String::strip).toList());
        }
        return text;
    }

    private static Optional<String> text(TemplateNode node) {
        if (node instanceof TemplateNode.Scalar scalar && scalar.text() != null) {
            return Optional.of(scalar.text());
        }
        if (node instanceof TemplateNode.Sequence sequence) {
            List<String> items = new ArrayList<>();
            for (TemplateNode item : sequence.items()) {
                if (item instanceof TemplateNode.Scalar s && s.text() != null) {
                    items.add(s.text());
                }
            }
            return Optional.of(String.join(",", items));
        }
        return Optional.empty();
    }
}
