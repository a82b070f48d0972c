package io.triggerlab.engine.controlplane.sam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the intrinsic functions templates use around a Kafka trigger: {@code Ref}, {@code Fn::Sub},
 * {@code Fn::GetAtt}, {@code Fn::If} with the template's {@code Conditions} ({@code Fn::Equals}, {@code Fn::Not},
 * {@code Fn::And}, {@code Fn::Or}, {@code Condition}), {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split} and
 * {@code Fn::FindInMap}. Any other function is reported as unmappable where it is used.
 *
 * <p>A resolved value is a {@link String}, a {@link Boolean}, a {@code List<Object>}, a {@code Map<String, Object>}
 * (template order) or {@code null}; {@code AWS::NoValue} removes the member or item it stands for.
 */
final class Intrinsics {

    /** Stands for {@code AWS::NoValue} until the enclosing mapping or list drops it. */
    static final Object NO_VALUE = new Object();

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]*)}");

    private final TemplateParameters parameters;
    private final Map<String, TemplateNode> conditions;
    private final Map<String, ResourceAttributes.Resource> resources;
    private final ResourceAttributes attributes;
    private final TemplateNode mappings;
    private final Map<String, String> pseudo;
    private final Map<String, Boolean> conditionValues = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    Intrinsics(TemplateParameters parameters, Map<String, TemplateNode> conditions,
               Map<String, ResourceAttributes.Resource> resources, ResourceAttributes attributes,
               TemplateNode mappings, Map<String, String> pseudoParameters) {
        this.parameters = parameters;
        this.conditions = conditions;
        this.resources = resources;
        this.attributes = attributes;
        this.mappings = mappings;
        this.pseudo = Map.copyOf(pseudoParameters);
    }

    /** Follows {@code Fn::If} to the branch it picks, keeping that branch's node (and lines); null for NoValue. */
    TemplateNode select(TemplateNode node) {
        TemplateNode current = node;
        while (current instanceof TemplateNode.Intrinsic call && call.function().equals("Fn::If")) {
            List<TemplateNode> args = arguments(call, 3);
            current = condition(conditionName(args.get(0)), args.get(0).line()) ? args.get(1) : args.get(2);
        }
        if (current instanceof TemplateNode.Intrinsic call && call.function().equals("Ref")
                && call.argument() instanceof TemplateNode.Scalar s && "AWS::NoValue".equals(s.text())) {
            return null;
        }
        return current;
    }

    /** The value of a node, every intrinsic in it evaluated. */
    Object resolve(TemplateNode node) {
        if (node == null) {
            return NO_VALUE;
        }
        if (node instanceof TemplateNode.Scalar s) {
            return s.text();
        }
        if (node instanceof TemplateNode.Sequence seq) {
            List<Object> items = new ArrayList<>();
            for (TemplateNode item : seq.items()) {
                Object value = resolve(item);
                if (value != NO_VALUE) {
                    items.add(value);
                }
            }
            return items;
        }
        if (node instanceof TemplateNode.Mapping map) {
            Map<String, Object> members = new LinkedHashMap<>();
            for (TemplateNode.Entry entry : map.entries()) {
                Object value = resolve(entry.value());
                if (value != NO_VALUE) {
                    members.put(entry.key(), value);
                }
            }
            return members;
        }
        return call((TemplateNode.Intrinsic) node);
    }

    /** The value of a condition of the template's {@code Conditions} section. */
    boolean condition(String name, int line) {
        Boolean known = conditionValues.get(name);
        if (known != null) {
            return known;
        }
        TemplateNode definition = conditions.get(name);
        if (definition == null) {
            throw new UnmappableException(line, "condition " + name + " is not in the template's Conditions");
        }
        if (!evaluating.add(name)) {
            throw new UnmappableException(line, "condition " + name + " depends on itself");
        }
        try {
            boolean value = truth(resolve(definition), definition.line());
            conditionValues.put(name, value);
            return value;
        } finally {
            evaluating.remove(name);
        }
    }

    private Object call(TemplateNode.Intrinsic call) {
        int line = call.line();
        return switch (call.function()) {
            case "Ref" -> ref(text(call.argument(), "Ref"), line);
            case "Condition" -> condition(text(call.argument(), "Condition"), line);
            case "Fn::If" -> {
                TemplateNode branch = select(call);
                yield branch == null ? NO_VALUE : resolve(branch);
            }
            case "Fn::Equals" -> {
                List<TemplateNode> args = arguments(call, 2);
                yield String.valueOf(resolve(args.get(0))).equals(String.valueOf(resolve(args.get(1))));
            }
            case "Fn::Not" -> !truth(resolve(arguments(call, 1).get(0)), line);
            case "Fn::And", "Fn::Or" -> logical(call);
            case "Fn::Sub" -> sub(call);
            case "Fn::GetAtt" -> getAtt(call);
            case "Fn::Join" -> join(call);
            case "Fn::Select" -> select(arguments(call, 2), line);
            case "Fn::Split" -> {
                List<TemplateNode> args = arguments(call, 2);
                String delimiter = text(args.get(0), "Fn::Split");
                yield new ArrayList<Object>(List.of(String.valueOf(resolve(args.get(1))).split(Pattern.quote(delimiter), -1)));
            }
            case "Fn::FindInMap" -> findInMap(arguments(call, 3), line);
            case "Fn::ImportValue" -> throw new UnmappableException(line, "Fn::ImportValue reads another stack's "
                    + "exports, which a local import cannot see: put the value in a parameter and pass --param");
            default -> throw new UnmappableException(line, (call.function().startsWith("!") ? "unknown intrinsic "
                    : "intrinsic ") + call.function() + " is not one TriggerLab evaluates (it evaluates Ref, Fn::Sub, "
                    + "Fn::GetAtt, Fn::If, Fn::Equals, Fn::Not, Fn::And, Fn::Or, Fn::Join, Fn::Select, Fn::Split, "
                    + "Fn::FindInMap)");
        };
    }

    private Object ref(String name, int line) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (pseudo.containsKey(name)) {
            return pseudo.get(name);
        }
        if (name.startsWith("AWS::")) {
            throw new UnmappableException(line, "pseudo parameter " + name + " has no local value");
        }
        if (parameters.declares(name)) {
            return parameters.value(name, line);
        }
        ResourceAttributes.Resource resource = resources.get(name);
        if (resource == null) {
            throw new UnmappableException(line, "!Ref " + name + " names no parameter or resource of the template");
        }
        return attributes.ref(resource, line);
    }

    private String getAtt(TemplateNode.Intrinsic call) {
        String logicalId;
        String attribute;
        if (call.argument() instanceof TemplateNode.Scalar s && s.text() != null && s.text().contains(".")) {
            logicalId = s.text().substring(0, s.text().indexOf('.'));
            attribute = s.text().substring(s.text().indexOf('.') + 1);
        } else {
            List<TemplateNode> args = arguments(call, 2);
            logicalId = text(args.get(0), "Fn::GetAtt");
            attribute = String.valueOf(resolve(args.get(1)));
        }
        return attribute(logicalId, attribute, call.line());
    }

    private String attribute(String logicalId, String attribute, int line) {
        ResourceAttributes.Resource resource = resources.get(logicalId);
        if (resource == null) {
            throw new UnmappableException(line, "!GetAtt " + logicalId + "." + attribute
                    + " names no resource of the template");
        }
        return attributes.getAtt(resource, attribute, line);
    }

    private String sub(TemplateNode.Intrinsic call) {
        String template;
        Map<String, Object> variables = new HashMap<>();
        if (call.argument() instanceof TemplateNode.Sequence seq && seq.items().size() == 2) {
            template = text(seq.items().get(0), "Fn::Sub");
            if (resolve(seq.items().get(1)) instanceof Map<?, ?> given) {
                given.forEach((k, v) -> variables.put(String.valueOf(k), v));
            }
        } else {
            template = text(call.argument(), "Fn::Sub");
        }
        Matcher m = SUB_VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2).strip();
            String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = "${" + m.group(2) + "}";
            } else if (variables.containsKey(name)) {
                replacement = String.valueOf(variables.get(name));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                replacement = attribute(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1),
                        call.line());
            } else {
                Object value = ref(name, call.line());
                replacement = value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                        : String.valueOf(value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Object logical(TemplateNode.Intrinsic call) {
        if (!(call.argument() instanceof TemplateNode.Sequence seq) || seq.items().size() < 2) {
            throw new UnmappableException(call.line(), call.function() + " takes a list of 2 to 10 conditions");
        }
        boolean and = call.function().equals("Fn::And");
        for (TemplateNode item : seq.items()) {
            boolean value = truth(resolve(item), item.line());
            if (value != and) {
                return value;
            }
        }
        return and;
    }

    private String join(TemplateNode.Intrinsic call) {
        List<TemplateNode> args = arguments(call, 2);
        String delimiter = text(args.get(0), "Fn::Join");
        if (!(resolve(args.get(1)) instanceof List<?> items)) {
            throw new UnmappableException(call.line(), "Fn::Join takes a delimiter and a list");
        }
        return String.join(delimiter, items.stream().map(String::valueOf).toList());
    }

    private Object select(List<TemplateNode> args, int line) {
        Object list = resolve(args.get(1));
        try {
            int index = Integer.parseInt(String.valueOf(resolve(args.get(0))));
            if (list instanceof List<?> items && index >= 0 && index < items.size()) {
                return items.get(index);
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as an index out of range
        }
        throw new UnmappableException(line, "Fn::Select needs an index within its list");
    }

    private Object findInMap(List<TemplateNode> args, int line) {
        TemplateNode node = mappings;
        for (TemplateNode key : args) {
            String k = String.valueOf(resolve(key));
            if (!(node instanceof TemplateNode.Mapping map) || map.get(k).isEmpty()) {
                throw new UnmappableException(line, "Fn::FindInMap: the template's Mappings have no entry " + k);
            }
            node = map.get(k).orElseThrow();
        }
        return resolve(node);
    }

    private List<TemplateNode> arguments(TemplateNode.Intrinsic call, int count) {
        if (!(call.argument() instanceof TemplateNode.Sequence seq) || seq.items().size() != count) {
            throw new UnmappableException(call.line(), call.function() + " takes a list of " + count + " values");
        }
        return seq.items();
    }

    private String conditionName(TemplateNode node) {
        return text(node, "Fn::If");
    }

    private static String text(TemplateNode node, String function) {
        if (node instanceof TemplateNode.Scalar s && s.text() != null) {
            return s.text();
        }
        throw new UnmappableException(node.line(), function + " needs plain text here");
    }

    private static boolean truth(Object value, int line) {
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equalsIgnoreCase(String.valueOf(value)) || "false".equalsIgnoreCase(String.valueOf(value))) {
            return Boolean.parseBoolean(String.valueOf(value));
        }
        throw new UnmappableException(line, "a condition must be true or false, not " + value);
    }
}
