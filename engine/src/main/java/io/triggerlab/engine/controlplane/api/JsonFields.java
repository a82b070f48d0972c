package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Reads the members of one JSON object with their declared types. A JSON {@code null} or a missing member reads as
 * {@code null} (absent); a member of the wrong JSON type is refused with a 400 {@code SerializationException} that
 * names the member by its full path ({@code SelfManagedEventSource.Endpoints.KAFKA_BOOTSTRAP_SERVERS}) and says what
 * to send instead. Members nobody asked for are remembered, so the caller can report them.
 */
final class JsonFields {

    private final JsonNode node;
    private final String path;
    private final ObjectMapper mapper;
    private final Set<String> read = new LinkedHashSet<>();

    private JsonFields(JsonNode node, String path, ObjectMapper mapper) {
        this.node = node;
        this.path = path;
        this.mapper = mapper;
    }

    /** @param body a JSON object (checked by {@link ApiRequest#jsonBody()}) */
    static JsonFields root(JsonNode body, ObjectMapper mapper) {
        return new JsonFields(body, "", mapper);
    }

    String string(String name) {
        JsonNode value = typed(name, JsonNode::isTextual, "a String", "a JSON string");
        return value == null ? null : value.textValue();
    }

    Integer integer(String name) {
        JsonNode value = typed(name, JsonNode::isIntegralNumber, "an Integer", "a whole JSON number, e.g. 100");
        if (value == null) {
            return null;
        }
        if (!value.canConvertToInt()) {
            throw ApiException.serialization("Value " + value + " at '" + pathOf(name) + "' is out of range for an "
                    + "Integer: it must lie between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
        }
        return value.intValue();
    }

    Boolean bool(String name) {
        JsonNode value = typed(name, JsonNode::isBoolean, "a Boolean", "true or false without quotes");
        return value == null ? null : value.booleanValue();
    }

    /**
     * A rest-json timestamp: epoch seconds as a JSON number, with or without fraction (what the AWS SDKs and CLI
     * send). Leniently also an ISO-8601 string ({@code 2024-05-01T10:00:00Z}; without an offset it is UTC) or a
     * number in a string, for hand-written requests.
     */
    Instant timestamp(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return epochSeconds(name, value.decimalValue());
        }
        if (value.isTextual()) {
            String text = value.textValue().trim();
            try {
                return epochSeconds(name, new BigDecimal(text));
            } catch (NumberFormatException notANumber) {
                return isoInstant(name, text);
            }
        }
        throw mismatch(name, value, "a Timestamp", "epoch seconds as a JSON number, e.g. 1714557600");
    }

    List<String> strings(String name) {
        return elements(name, "a JSON array of strings, e.g. [\"orders\"]", JsonNode::isTextual,
                "a String: every element must be a JSON string", (element, path) -> element.textValue());
    }

    Map<String, String> stringMap(String name) {
        JsonFields map = object(name);
        if (map == null) {
            return null;
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String key : map.names()) {
            result.put(key, map.string(key));
        }
        return result;
    }

    /** A nested object, or {@code null} when absent. */
    JsonFields object(String name) {
        JsonNode value = typed(name, JsonNode::isObject, "a Structure", "a JSON object {...}");
        return value == null ? null : new JsonFields(value, pathOf(name), mapper);
    }

    /** A list of objects, or {@code null} when absent. */
    List<JsonFields> objects(String name) {
        return elements(name, "a JSON array of objects, e.g. [{...}]", JsonNode::isObject,
                "a Structure: every element must be a JSON object {...}",
                (element, path) -> new JsonFields(element, path, mapper));
    }

    /** Any JSON object as plain Java values, for members that are read only to be refused. */
    @SuppressWarnings("unchecked")
    Map<String, Object> anyObject(String name) {
        JsonFields object = object(name);
        return object == null ? null : mapper.convertValue(object.node, Map.class);
    }

    /** The member names present in this object, in order. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    /** Members present but never read. */
    List<String> unread() {
        return names().stream().filter(n -> !read.contains(n)).map(this::pathOf).toList();
    }

    /** A short description of a JSON value's type, for messages. */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isTextual()) {
            return "the string " + abbreviate(value.toString());
        }
        if (value.isNumber()) {
            return "the number " + value;
        }
        if (value.isBoolean()) {
            return "the boolean " + value;
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isObject()) {
            return "an object";
        }
        return "null";
    }

    /** The member, or {@code null} when absent; a value of another JSON type is refused naming the member. */
    private JsonNode typed(String name, Predicate<JsonNode> isType, String shape, String expected) {
        JsonNode value = member(name);
        if (value != null && !isType.test(value)) {
            throw mismatch(name, value, shape, expected);
        }
        return value;
    }

    /** A JSON array member whose every element must pass {@code isElement}; each is read with its path. */
    private <T> List<T> elements(String name, String expected, Predicate<JsonNode> isElement, String elementShape,
                                 BiFunction<JsonNode, String, T> read) {
        JsonNode value = typed(name, JsonNode::isArray, "a List", expected);
        if (value == null) {
            return null;
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementPath = pathOf(name) + "[" + i + "]";
            if (!isElement.test(element)) {
                throw ApiException.serialization(element(element) + " at '" + elementPath + "' cannot be converted to "
                        + elementShape);
            }
            result.add(read.apply(element, elementPath));
        }
        return result;
    }

    private JsonNode member(String name) {
        read.add(name);
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private ApiException mismatch(String name, JsonNode value, String shape, String expected) {
        return ApiException.serialization(shown(value) + " at '" + pathOf(name) + "' cannot be converted to "
                + shape + ": send " + expected + ", not " + describe(value));
    }

    private static String element(JsonNode value) {
        return value.isNull() ? "Value null" : shown(value);
    }

    private static String shown(JsonNode value) {
        if (value.isObject()) {
            return "An object";
        }
        if (value.isArray()) {
            return "An array";
        }
        return "Value " + abbreviate(value.toString());
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private Instant epochSeconds(String name, BigDecimal seconds) {
        try {
            BigDecimal[] parts = seconds.divideAndRemainder(BigDecimal.ONE);
            long nanos = parts[1].movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact();
            return Instant.ofEpochSecond(parts[0].longValueExact(), nanos);
        } catch (ArithmeticException | DateTimeException e) {
            throw ApiException.serialization("Value " + seconds.toPlainString() + " at '" + pathOf(name)
                    + "' is out of range for a Timestamp: send epoch seconds, e.g. 1714557600");
        }
    }

    private Instant isoInstant(String name, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw ApiException.serialization("Value \"" + abbreviate(text) + "\" at '" + pathOf(name)
                        + "' cannot be converted to a Timestamp: send epoch seconds as a JSON number "
                        + "(e.g. 1714557600) or an ISO-8601 date-time (e.g. 2024-05-01T10:00:00Z)");
            }
        }
    }
}
