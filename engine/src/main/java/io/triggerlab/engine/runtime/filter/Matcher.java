package io.triggerlab.engine.runtime.filter;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;

/**
 * One element of a leaf's match list in an EventBridge pattern ({@code "status": ["a", {"prefix": "b"}]}). A leaf
 * matches when any of its matchers matches. {@code value} is the event's value at the leaf, {@code null} when the
 * field is absent; array values are unrolled by the caller (any element may match).
 */
sealed interface Matcher {

    boolean matches(JsonNode value);

    /** An exact JSON scalar: string, number (by its text: 300 is not 300.0), boolean or {@code null}. */
    record Exact(JsonNode expected) implements Matcher {
        @Override
        public boolean matches(JsonNode value) {
            return value != null && sameScalar(expected, value);
        }
    }

    /** {@code {"prefix": "abc"}} on strings. */
    record Prefix(String prefix) implements Matcher {
        @Override
        public boolean matches(JsonNode value) {
            return value != null && value.isTextual() && value.textValue().startsWith(prefix);
        }
    }

    /** {@code {"suffix": "abc"}} on strings. */
    record Suffix(String suffix) implements Matcher {
        @Override
        public boolean matches(JsonNode value) {
            return value != null && value.isTextual() && value.textValue().endsWith(suffix);
        }
    }

    /** {@code {"equals-ignore-case": "abc"}} on strings. */
    record EqualsIgnoreCase(String text) implements Matcher {
        @Override
        public boolean matches(JsonNode value) {
            return value != null && value.isTextual()
                    && value.textValue().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT));
        }
    }

    /** {@code {"anything-but": …}}: the field is present and none of {@code excluded} matches it. */
    record AnythingBut(List<Matcher> excluded) implements Matcher {
        @Override
        public boolean matches(JsonNode value) {
            if (value == null) {
                return false;
            }
            for (Matcher m : excluded) {
                if (m.matches(value)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code {"numeric": [">", 0, "<=", 5]}} on JSON numbers; a bound is {@code null} when absent. */
    record Numeric(Double lower, boolean lowerInclusive, Double upper, boolean upperInclusive) implements Matcher {
        @Override
        public boolean matches(JsonNode value) {
            if (value == null || !value.isNumber()) {
                return false;
            }
            double v = value.doubleValue();
            if (lower != null && (lowerInclusive ? v < lower : v <= lower)) {
                return false;
            }
            return upper == null || (upperInclusive ? v <= upper : v < upper);
        }
    }

    /** {@code {"exists": true|false}}: the field is present (with any value) or absent. */
    record Exists(boolean present) implements Matcher {
        @Override
        public boolean matches(JsonNode value) {
            return (value != null) == present;
        }
    }

    private static boolean sameScalar(JsonNode expected, JsonNode value) {
        if (expected.isNull()) {
            return value.isNull();
        }
        if (expected.isTextual()) {
            return value.isTextual() && expected.textValue().equals(value.textValue());
        }
        if (expected.isNumber()) {
            return value.isNumber() && expected.asText().equals(value.asText());
        }
        if (expected.isBoolean()) {
            return value.isBoolean() && expected.booleanValue() == value.booleanValue();
        }
        return false;
    }
}
