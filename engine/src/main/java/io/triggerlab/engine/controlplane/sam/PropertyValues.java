package io.triggerlab.engine.controlplane.sam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads typed property values out of a resource's {@code Properties}, intrinsics evaluated; a value of the wrong type
 * is unmappable at its own line.
 */
final class PropertyValues {

    private final Intrinsics intrinsics;

    PropertyValues(Intrinsics intrinsics) {
        this.intrinsics = intrinsics;
    }

    Intrinsics intrinsics() {
        return intrinsics;
    }

    /** The property's node after {@code Fn::If}, or empty when absent or {@code AWS::NoValue}. */
    Optional<TemplateNode> node(TemplateNode.Mapping properties, String key) {
        return properties.get(key).map(intrinsics::select);
    }

    /** The property's value, or empty when absent, null or {@code AWS::NoValue}. */
    Optional<Object> value(TemplateNode.Mapping properties, String key) {
        return node(properties, key).map(intrinsics::resolve).filter(v -> v != null && v != Intrinsics.NO_VALUE);
    }

    Optional<String> text(TemplateNode.Mapping properties, String key) {
        return value(properties, key).map(v -> asText(v, key, properties.lineOf(key)));
    }

    Optional<Integer> integer(TemplateNode.Mapping properties, String key) {
        return text(properties, key).map(t -> asInteger(t, key, properties.lineOf(key)));
    }

    /** A mapping-valued property, its node kept (for lines); unmappable when it is not a mapping. */
    Optional<TemplateNode.Mapping> mapping(TemplateNode.Mapping properties, String key) {
        Optional<TemplateNode> node = node(properties, key);
        if (node.isPresent() && !(node.get() instanceof TemplateNode.Mapping)) {
            throw new UnmappableException(properties.lineOf(key), key + " must be a mapping");
        }
        return node.map(TemplateNode.Mapping.class::cast);
    }

    /** {@code Environment.Variables}-style text map. */
    Map<String, String> textMap(TemplateNode.Mapping properties, String key) {
        Map<String, String> result = new LinkedHashMap<>();
        Optional<Object> value = value(properties, key);
        if (value.isEmpty()) {
            return result;
        }
        if (!(value.get() instanceof Map<?, ?> map)) {
            throw new UnmappableException(properties.lineOf(key), key + " must be a mapping of names to values");
        }
        map.forEach((k, v) -> result.put(String.valueOf(k), asText(v, key + "." + k, properties.lineOf(key))));
        return result;
    }

    static String asText(Object value, String key, int line) {
        if (value instanceof String || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw new UnmappableException(line, key + " must be a single value, not " + (value instanceof List<?> ? "a list"
                : value instanceof Map<?, ?> ? "a mapping" : String.valueOf(value)));
    }

    static int asInteger(String text, String key, int line) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new UnmappableException(line, key + " must be a whole number, not '" + text + "'");
        }
    }
}
