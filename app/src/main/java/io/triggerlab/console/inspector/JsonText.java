package io.triggerlab.console.inspector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.util.Optional;

/**
 * Pretty-printing for the inspector. Objects are indented; arrays of numbers stay on one line, so a header's signed
 * bytes read as {@code [104, 105]} rather than one number per line.
 */
public final class JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance));

    private JsonText() {
    }

    /** The text pretty-printed, or null when it is not a JSON object or array. */
    public static String prettyOrNull(String text) {
        return parseOrEmpty(text).map(JsonText::pretty).orElse(null);
    }

    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed JSON tree could not be written again", e);
        }
    }

    /** The JSON on one line without insignificant spaces, or the text itself when it is not JSON. */
    public static String compact(String text) {
        return parseOrEmpty(text).map(JsonNode::toString).orElse(text);
    }

    /** Parses a JSON object or array; scalars ("42", "true") count as text, not JSON, for a record value. */
    public static Optional<JsonNode> parseOrEmpty(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || (trimmed.charAt(0) != '{' && trimmed.charAt(0) != '[')) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(trimmed));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Parses any JSON (the event itself). */
    static JsonNode parse(byte[] json) throws java.io.IOException {
        return MAPPER.readTree(json);
    }
}
