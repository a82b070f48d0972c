package io.triggerlab.console.inspector;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict JSON for the inspector: bytes count as JSON only when they are exactly one JSON document (anything after it
 * but whitespace is an error, which plain {@code readTree} would silently drop). Objects are pretty-printed indented;
 * arrays of numbers stay on one line, so a header's signed bytes read as {@code [104, 105]}.
 */
public final class JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance));
    /** Reads one document and stops, so {@link #verdict} can look at what follows it itself. */
    private static final ObjectMapper ONE_DOCUMENT = new ObjectMapper();
    private static final int QUOTED_TAIL = 24;

    private JsonText() {
    }

    /** The text pretty-printed, or null when it is not exactly one JSON object or array. */
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

    /** Parses exactly one JSON object or array; scalars ("42", "true") count as text, not JSON, for a record value. */
    public static Optional<JsonNode> parseOrEmpty(String text) {
        return verdict(text.getBytes(StandardCharsets.UTF_8)).document();
    }

    /**
     * Whether the bytes are exactly one JSON object or array. When not, the reason names the byte offset (and line
     * and column) where the bytes stop being that, so the text view can say why it is not JSON and where.
     */
    public static JsonVerdict verdict(byte[] bytes) {
        int first = firstNonBlank(bytes);
        if (first < 0) {
            return JsonVerdict.not(bytes.length == 0 ? "it is empty" : "it is only whitespace");
        }
        if (bytes[first] != '{' && bytes[first] != '[') {
            JsonVerdict scalar = scalarVerdict(bytes);
            return scalar != null ? scalar
                    : JsonVerdict.not("it does not start with { or [ (byte " + first + " is '" + printable(bytes[first])
                    + "')");
        }
        try (JsonParser parser = ONE_DOCUMENT.createParser(bytes)) {
            JsonNode tree = ONE_DOCUMENT.readTree(parser);
            JsonToken next = parser.nextToken();
            if (next != null) {
                return trailing(bytes, parser.currentTokenLocation());
            }
            return JsonVerdict.of(tree);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String message = e.getOriginalMessage();
            if (where != null && message != null && message.startsWith("Unexpected character")
                    && endOfFirstDocument(bytes) >= 0 && endOfFirstDocument(bytes) <= where.getByteOffset()) {
                return trailing(bytes, where);
            }
            return JsonVerdict.not("it is not valid JSON " + at(where) + ": " + firstLine(message));
        } catch (IOException e) {
            return JsonVerdict.not("it could not be read as JSON: " + e.getMessage());
        }
    }

    private static JsonVerdict scalarVerdict(byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node != null && node.isValueNode()) {
                return JsonVerdict.not("it is a single JSON " + node.getNodeType().name().toLowerCase()
                        + ", not an object or array");
            }
        } catch (IOException e) {
            // Not a scalar either: the caller's "does not start with" says why.
        }
        return null;
    }

    private static JsonVerdict trailing(byte[] bytes, JsonLocation where) {
        long offset = where.getByteOffset();
        int from = (int) Math.max(0, Math.min(offset, bytes.length));
        int more = bytes.length - from;
        String tail = new String(bytes, from, Math.min(more, QUOTED_TAIL), StandardCharsets.UTF_8).replace("\n", "⏎");
        return JsonVerdict.not(more + (more == 1 ? " more byte follows" : " more bytes follow")
                + " the JSON document " + at(where) + ": " + tail + (more > QUOTED_TAIL ? "…" : ""));
    }

    /** Where the first JSON document ends (exclusive byte offset), or -1 when the bytes do not hold one. */
    private static long endOfFirstDocument(byte[] bytes) {
        try (JsonParser parser = MAPPER.getFactory().createParser(bytes)) {
            if (parser.nextToken() == null) {
                return -1;
            }
            parser.skipChildren();
            return parser.currentLocation().getByteOffset();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String at(JsonLocation where) {
        if (where == null) {
            return "";
        }
        return "at byte " + where.getByteOffset() + " (line " + where.getLineNr() + ", column " + where.getColumnNr()
                + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }

    private static int firstNonBlank(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return i;
            }
        }
        return -1;
    }

    private static String printable(byte b) {
        return b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("0x%02x", b & 0xff);
    }

    /** Parses any JSON (the event itself), strictly: trailing content is an error. */
    static JsonNode parse(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }
}
