package io.triggerlab.engine.controlplane.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects model-constraint violations (docs/aws-behaviour.md#api-errors) and reports them the way AWS's request validation does:
 * {@code 1 validation error detected: Value '20000' at 'batchSize' failed to satisfy constraint: Member must have
 * value less than or equal to 10000} (several are joined with {@code "; "} under {@code N validation errors detected}).
 * Member paths are AWS's camelCase names, list members as {@code topics.1.member}. Every failed constraint counts
 * once, so a member both too long and off-pattern is two errors, as AWS's validator reports them.
 */
final class Violations {

    private final List<String> messages = new ArrayList<>();

    void add(String member, Object value, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        messages.add("Value " + shown + " at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    void range(String member, Integer value, long min, long max) {
        if (value == null) {
            return;
        }
        if (value < min) {
            add(member, value, "Member must have value greater than or equal to " + min);
        } else if (value > max) {
            add(member, value, "Member must have value less than or equal to " + max);
        }
    }

    void length(String member, String value, int min, int max) {
        if (value != null) {
            length(member, value, value.length(), min, max);
        }
    }

    void size(String member, Collection<?> value, int min, int max) {
        if (value != null) {
            length(member, value, value.size(), min, max);
        }
    }

    /** AWS says "length" for strings, lists and maps alike. */
    private void length(String member, Object value, int length, int min, int max) {
        if (length < min) {
            add(member, value, "Member must have length greater than or equal to " + min);
        } else if (length > max) {
            add(member, value, "Member must have length less than or equal to " + max);
        }
    }

    void size(String member, Map<?, ?> value, int min, int max) {
        if (value != null) {
            size(member, value.entrySet(), min, max);
        }
    }

    /** Length, then pattern: each failed constraint is its own error. */
    void text(String member, String value, int min, int max, Pattern pattern) {
        length(member, value, min, max);
        pattern(member, value, pattern);
    }

    void pattern(String member, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            add(member, value, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
    }

    void notNull(String member, Object value) {
        if (value == null) {
            add(member, null, "Member must not be null");
        }
    }

    void oneOf(String member, String value, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(member, value, "Member must satisfy enum value set: " + allowed);
        }
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    /** @throws ValidationException listing every violation, when there is one */
    void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new ValidationException(text());
        }
    }

    /** AWS's text: {@code N validation error(s) detected: …; …}. */
    String text() {
        int n = messages.size();
        return n + " validation error" + (n == 1 ? "" : "s") + " detected: " + String.join("; ", messages);
    }
}
