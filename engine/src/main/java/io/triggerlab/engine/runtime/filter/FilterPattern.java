package io.triggerlab.engine.runtime.filter;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A parsed EventBridge event pattern, as Lambda event filtering uses it (docs/aws-behaviour.md#filtering): every field of the pattern must
 * match, a leaf matches when any of its matchers does, and each {@code $or} needs one of its alternatives to match.
 * Immutable; build one with {@link #parse(String)}.
 */
public final class FilterPattern {

    /** What a pattern field holds: a nested pattern object, or a leaf's match list. */
    sealed interface Rule {
        boolean matches(JsonNode value);
    }

    /** {@code "field": {…}}: the event's value must be an object matching the nested pattern. */
    record Nested(FilterPattern pattern) implements Rule {
        @Override
        public boolean matches(JsonNode value) {
            return pattern.matchesObject(value != null && value.isObject() ? value : null);
        }
    }

    /** {@code "field": [ … ]}: any matcher against the value, or against any element when the value is an array. */
    record Leaf(List<Matcher> matchers) implements Rule {
        @Override
        public boolean matches(JsonNode value) {
            if (value != null && value.isArray()) {
                for (JsonNode element : value) {
                    if (any(element)) {
                        return true;
                    }
                }
                // Only "exists" can speak for an array as a whole (e.g. an empty one).
                return matchers.stream().anyMatch(m -> m instanceof Matcher.Exists && m.matches(value));
            }
            return any(value);
        }

        private boolean any(JsonNode value) {
            for (Matcher m : matchers) {
                if (m.matches(value)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Map<String, Rule> fields;
    private final List<List<FilterPattern>> orGroups;
    private final String source;

    FilterPattern(Map<String, Rule> fields, List<List<FilterPattern>> orGroups, String source) {
        this.fields = Map.copyOf(fields);
        this.orGroups = List.copyOf(orGroups);
        this.source = source;
    }

    /**
     * Parses a Lambda {@code FilterCriteria} pattern.
     *
     * @throws InvalidFilterPatternException naming what is wrong and at which field
     */
    public static FilterPattern parse(String pattern) {
        return PatternParser.parse(pattern);
    }

    /** True when the event (a JSON object) satisfies this pattern. */
    public boolean matches(JsonNode event) {
        return matchesObject(event != null && event.isObject() ? event : null);
    }

    /** The pattern text this was parsed from ({@code null} for nested parts). */
    public String source() {
        return source;
    }

    /** The top-level field names of the pattern (for example {@code value}, {@code partition}). */
    public java.util.Set<String> fieldNames() {
        return fields.keySet();
    }

    private boolean matchesObject(JsonNode object) {
        for (Map.Entry<String, Rule> field : fields.entrySet()) {
            JsonNode value = object == null ? null : object.get(field.getKey());
            if (!field.getValue().matches(value)) {
                return false;
            }
        }
        for (List<FilterPattern> alternatives : orGroups) {
            boolean any = false;
            for (FilterPattern alternative : alternatives) {
                if (alternative.matchesObject(object)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return source == null ? "FilterPattern" + fields : source;
    }
}
