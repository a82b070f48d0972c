package io.triggerlab.engine.runtime.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads EventBridge pattern JSON into a {@link FilterPattern}, refusing anything Lambda event filtering does not take
 * (docs/aws-behaviour.md#filtering): every leaf must be a list; operators are {@code prefix}, {@code suffix}, {@code equals-ignore-case},
 * {@code anything-but}, {@code numeric} and {@code exists}; {@code $or} takes a list of pattern objects.
 */
final class PatternParser {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> EVENTBRIDGE_ONLY = Set.of("wildcard", "cidr");
    private static final Set<String> NUMERIC_OPERATORS = Set.of("=", "<", "<=", ">", ">=");

    private PatternParser() {
    }

    static FilterPattern parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidFilterPatternException("the Pattern is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidFilterPatternException("the Pattern is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidFilterPatternException("the Pattern is JSON but not an object");
        }
        return object(root, "", text);
    }

    private static FilterPattern object(JsonNode node, String path, String source) {
        Map<String, FilterPattern.Rule> fields = new LinkedHashMap<>();
        List<List<FilterPattern>> orGroups = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            String at = path.isEmpty() ? name : path + "." + name;
            JsonNode value = field.getValue();
            if (name.equals("$or")) {
                orGroups.add(alternatives(value, at));
            } else if (value.isObject()) {
                fields.put(name, new FilterPattern.Nested(object(value, at, null)));
            } else if (value.isArray()) {
                fields.put(name, new FilterPattern.Leaf(matchers(value, at)));
            } else {
                throw fail(at, "the value " + value + " must be a list of matches, such as [" + value + "]");
            }
        }
        return new FilterPattern(fields, orGroups, source);
    }

    private static List<FilterPattern> alternatives(JsonNode value, String at) {
        if (!value.isArray() || value.size() < 2) {
            throw fail(at, "\"$or\" needs a list of at least two pattern objects");
        }
        List<FilterPattern> out = new ArrayList<>();
        for (JsonNode alternative : value) {
            if (!alternative.isObject()) {
                throw fail(at, "each \"$or\" alternative must be a pattern object, not " + alternative);
            }
            out.add(object(alternative, at, null));
        }
        return out;
    }

    private static List<Matcher> matchers(JsonNode list, String at) {
        if (list.isEmpty()) {
            throw fail(at, "the match list is empty; give at least one value or operator");
        }
        List<Matcher> out = new ArrayList<>();
        for (JsonNode element : list) {
            if (element.isObject()) {
                out.add(operator(element, at));
            } else if (element.isArray()) {
                throw fail(at, "a match list cannot contain a list (" + element + ")");
            } else {
                out.add(new Matcher.Exact(element));
            }
        }
        return out;
    }

    private static Matcher operator(JsonNode element, String at) {
        if (element.size() != 1) {
            throw fail(at, "an operator object holds exactly one operator, not " + element);
        }
        Map.Entry<String, JsonNode> op = element.fields().next();
        String name = op.getKey();
        JsonNode arg = op.getValue();
        switch (name) {
            case "prefix":
                return new Matcher.Prefix(text(arg, at, name));
            case "suffix":
                return new Matcher.Suffix(text(arg, at, name));
            case "equals-ignore-case":
                return new Matcher.EqualsIgnoreCase(text(arg, at, name));
            case "exists":
                if (!arg.isBoolean()) {
                    throw fail(at, "\"exists\" takes true or false, not " + arg);
                }
                return new Matcher.Exists(arg.booleanValue());
            case "anything-but":
                return anythingBut(arg, at);
            case "numeric":
                return numeric(arg, at);
            default:
                if (EVENTBRIDGE_ONLY.contains(name)) {
                    throw fail(at, "\"" + name + "\" is an EventBridge operator that Lambda event filtering does not"
                            + " support; use prefix, suffix, equals-ignore-case, anything-but, numeric or exists");
                }
                throw fail(at, "unknown operator \"" + name + "\"; use prefix, suffix, equals-ignore-case,"
                        + " anything-but, numeric or exists");
        }
    }

    private static Matcher anythingBut(JsonNode arg, String at) {
        List<Matcher> excluded = new ArrayList<>();
        if (arg.isArray()) {
            if (arg.isEmpty()) {
                throw fail(at, "\"anything-but\" needs at least one value");
            }
            for (JsonNode v : arg) {
                if (!v.isTextual() && !v.isNumber()) {
                    throw fail(at, "\"anything-but\" lists only strings or numbers, not " + v);
                }
                excluded.add(new Matcher.Exact(v));
            }
        } else if (arg.isObject()) {
            Matcher inner = operator(arg, at);
            if (!(inner instanceof Matcher.Prefix || inner instanceof Matcher.Suffix
                    || inner instanceof Matcher.EqualsIgnoreCase)) {
                throw fail(at, "\"anything-but\" takes a value, a list, or a prefix, suffix or equals-ignore-case"
                        + " object, not " + arg);
            }
            excluded.add(inner);
        } else if (arg.isTextual() || arg.isNumber()) {
            excluded.add(new Matcher.Exact(arg));
        } else {
            throw fail(at, "\"anything-but\" takes a string, a number or a list of them, not " + arg);
        }
        return new Matcher.AnythingBut(excluded);
    }

    private static Matcher numeric(JsonNode arg, String at) {
        String example = " such as [\">\", 0, \"<=\", 5] or [\"=\", 300]";
        if (!arg.isArray() || arg.isEmpty() || arg.size() % 2 != 0 || arg.size() > 4) {
            throw fail(at, "\"numeric\" needs one or two operator/number pairs" + example);
        }
        Double lower = null;
        Double upper = null;
        boolean lowerInclusive = false;
        boolean upperInclusive = false;
        for (int i = 0; i < arg.size(); i += 2) {
            JsonNode op = arg.get(i);
            JsonNode number = arg.get(i + 1);
            if (!op.isTextual() || !NUMERIC_OPERATORS.contains(op.textValue()) || !number.isNumber()) {
                throw fail(at, "\"numeric\" pair " + op + ", " + number + " is not an operator (=, <, <=, >, >=)"
                        + " followed by a number;" + example);
            }
            double n = number.doubleValue();
            switch (op.textValue()) {
                case "=":
                    if (arg.size() != 2) {
                        throw fail(at, "\"numeric\" with \"=\" takes no other bound");
                    }
                    return new Matcher.Numeric(n, true, n, true);
                case ">":
                case ">=":
                    if (lower != null) {
                        throw fail(at, "\"numeric\" has two lower bounds");
                    }
                    lower = n;
                    lowerInclusive = op.textValue().equals(">=");
                    break;
                default:
                    if (upper != null) {
                        throw fail(at, "\"numeric\" has two upper bounds");
                    }
                    upper = n;
                    upperInclusive = op.textValue().equals("<=");
            }
        }
        if (lower != null && upper != null && lower > upper) {
            throw fail(at, "\"numeric\" range is empty: lower bound " + lower + " is above upper bound " + upper);
        }
        return new Matcher.Numeric(lower, lowerInclusive, upper, upperInclusive);
    }

    private static String text(JsonNode arg, String at, String operator) {
        if (!arg.isTextual()) {
            throw fail(at, "\"" + operator + "\" takes a string, not " + arg);
        }
        return arg.textValue();
    }

    private static InvalidFilterPatternException fail(String at, String problem) {
        return new InvalidFilterPatternException("at \"" + at + "\": " + problem);
    }
}
