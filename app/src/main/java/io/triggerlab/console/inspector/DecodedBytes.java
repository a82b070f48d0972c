package io.triggerlab.console.inspector;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A record key or value as Lambda sends it (base64), decoded every way a person may want to read it: UTF-8 text
 * (when the bytes are valid UTF-8), pretty JSON (when the text is JSON), hex, and the raw base64.
 */
public final class DecodedBytes {

    private final String base64;
    private final byte[] bytes;
    private final String text;
    private final String prettyJson;

    private DecodedBytes(String base64, byte[] bytes) {
        this.base64 = base64;
        this.bytes = bytes;
        this.text = utf8(bytes);
        this.prettyJson = text == null ? null : JsonText.prettyOrNull(text);
    }

    /**
     * @throws IllegalArgumentException when the text is not base64, naming where it came from
     */
    public static DecodedBytes ofBase64(String base64, String where) {
        Objects.requireNonNull(base64, "base64");
        try {
            return new DecodedBytes(base64, Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not valid base64: " + e.getMessage(), e);
        }
    }

    public static DecodedBytes ofBytes(byte[] bytes) {
        return new DecodedBytes(Base64.getEncoder().encodeToString(bytes), bytes.clone());
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    public int length() {
        return bytes.length;
    }

    public String base64() {
        return base64;
    }

    /** The UTF-8 text, or empty when the bytes are not valid UTF-8 (binary, Avro, Protobuf …). */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** The JSON, pretty-printed, or empty when it is not JSON. */
    public Optional<String> prettyJson() {
        return Optional.ofNullable(prettyJson);
    }

    /** Lower-case hex, bytes separated by spaces, 16 per line. */
    public String hex() {
        String plain = HexFormat.of().formatHex(bytes);
        StringBuilder out = new StringBuilder(plain.length() * 3 / 2);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                out.append(i % 16 == 0 ? '\n' : ' ');
            }
            out.append(plain, i * 2, i * 2 + 2);
        }
        return out.toString();
    }

    /** The bytes in the requested form; text and JSON fall back to hex when the bytes are not UTF-8. */
    public String render(ValueMode mode) {
        switch (mode) {
            case TEXT:
                return text().orElseGet(() -> "(not UTF-8 text; hex:)\n" + hex());
            case JSON:
                return prettyJson().orElseGet(() -> text().map(t -> "(not JSON; text:)\n" + t)
                        .orElseGet(() -> "(not UTF-8 text; hex:)\n" + hex()));
            case HEX:
                return hex();
            case BASE64:
                return base64;
            default:
                throw new IllegalArgumentException("Unknown value mode " + mode);
        }
    }

    /** The best one-line preview for a table cell: JSON compact text, else text, else hex. */
    public String preview(ValueMode mode, int maxChars) {
        String full = mode == ValueMode.JSON ? prettyJson().map(j -> JsonText.compact(text)).orElse(render(ValueMode.TEXT))
                : render(mode);
        String oneLine = full.replace('\n', ' ');
        return oneLine.length() <= maxChars ? oneLine : oneLine.substring(0, maxChars) + "…";
    }

    /** The bytes as a JSON tree, when they are JSON. */
    Optional<JsonNode> json() {
        return text == null ? Optional.empty() : JsonText.parseOrEmpty(text);
    }
}
