package io.triggerlab.console.inspector;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A record key, value or header as Lambda sends it, decoded every way a person may want to read it: UTF-8 text (when
 * the bytes are valid UTF-8), pretty JSON (only when the bytes are exactly one JSON document), hex, and base64.
 * Whenever a requested form does not fit the bytes, {@link #shown} says so and why instead of showing something else.
 */
public final class DecodedBytes {

    /** Hex dumps stop here; the view says how many bytes the dump leaves out (Copy and Export carry all of them). */
    static final int HEX_DUMP_LIMIT = 64 * 1024;

    private final String base64;
    private final byte[] bytes;
    private final String text;
    private final String notTextReason;
    private final JsonVerdict json;

    private DecodedBytes(String base64, byte[] bytes) {
        this.base64 = base64;
        this.bytes = bytes;
        String decoded = null;
        String why = "";
        try {
            decoded = utf8().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            why = notUtf8Reason(bytes);
        }
        this.text = decoded;
        this.notTextReason = why;
        this.json = decoded == null ? JsonVerdict.not("it is not UTF-8 text") : JsonText.verdict(bytes);
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

    private static CharsetDecoder utf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Finds the first byte that breaks UTF-8, by decoding longer prefixes: only runs for bytes that are not UTF-8. */
    private static String notUtf8Reason(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        utf8().decode(in, CharBuffer.allocate(bytes.length + 1), true);
        int at = Math.min(in.position(), bytes.length - 1);
        return "byte " + at + " (0x" + HexFormat.of().toHexDigits(bytes[at]) + ") is not valid UTF-8";
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

    /** The JSON, pretty-printed, or empty when the bytes are not exactly one JSON object or array. */
    public Optional<String> prettyJson() {
        return json.document().map(JsonText::pretty);
    }

    /** Why the bytes are not shown as JSON ("" when they are JSON). */
    public String notJsonReason() {
        return json.reason();
    }

    /** "27 bytes · JSON object", "5 bytes · UTF-8 text", "2 bytes · binary (not UTF-8)". */
    public String summary() {
        String size = bytes.length == 1 ? "1 byte" : String.format("%,d bytes", bytes.length);
        String kind = json.isJson() ? (json.json().isArray() ? "JSON array" : "JSON object")
                : text != null ? "UTF-8 text" : "binary (not UTF-8)";
        return size + " · " + kind;
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

    /**
     * A classic hex dump: offset, 16 bytes in hex, the same bytes as ASCII ('.' for the rest), up to
     * {@link #HEX_DUMP_LIMIT} bytes, with a last line saying how many bytes it leaves out.
     */
    public String hexDump() {
        int shown = Math.min(bytes.length, HEX_DUMP_LIMIT);
        StringBuilder out = new StringBuilder(shown / 16 * 78 + 80);
        HexFormat hex = HexFormat.of();
        for (int line = 0; line < shown; line += 16) {
            int end = Math.min(line + 16, shown);
            out.append(String.format("%08x  ", line));
            for (int i = line; i < line + 16; i++) {
                out.append(i < end ? hex.toHexDigits(bytes[i]) : "  ").append(i == line + 7 ? "  " : " ");
            }
            out.append(" |");
            for (int i = line; i < end; i++) {
                int b = bytes[i] & 0xff;
                out.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            out.append("|\n");
        }
        if (shown < bytes.length) {
            out.append(String.format("… %,d more bytes not dumped here (Copy event / Export test event carry them all)%n",
                    bytes.length - shown));
        }
        return out.toString();
    }

    /** The bytes in the requested form, with a marker when that form does not fit them (see {@link Shown}). */
    public Shown shown(ValueMode mode) {
        switch (mode) {
            case TEXT:
                return text != null ? new Shown(text, "")
                        : new Shown(hex(), "Not UTF-8 text: " + notTextReason + ". Shown as hex.");
            case JSON:
                if (json.isJson()) {
                    return new Shown(JsonText.pretty(json.json()), "");
                }
                return text != null ? new Shown(text, "Not JSON: " + json.reason() + ". Shown as UTF-8 text.")
                        : new Shown(hex(), "Not JSON and not UTF-8 text: " + notTextReason + ". Shown as hex.");
            case HEX:
                return new Shown(hex(), "");
            case BASE64:
                return new Shown(base64, "");
            default:
                throw new IllegalArgumentException("Unknown value mode " + mode);
        }
    }

    /** The bytes in the requested form, or the form that fits them (the marker from {@link #shown} says which). */
    public String render(ValueMode mode) {
        return shown(mode).text();
    }

    /**
     * The best one-line preview for a table cell: compact JSON when the bytes are exactly one JSON document, else
     * the text (with a leading "⚠ not JSON:" in JSON mode when it looks like JSON but is not), else hex.
     */
    public String preview(ValueMode mode, int maxChars) {
        Shown shown = shown(mode);
        String full = mode == ValueMode.JSON && json.isJson() ? json.json().toString() : shown.text();
        // In the table, plain text (a key such as order-7) needs no warning; text that looks like JSON but is not,
        // and bytes that are not text, do. The detail pane always says why.
        boolean warn = !shown.marker().isEmpty() && (text == null || looksLikeJson());
        String oneLine = (warn ? "⚠ " + shortMarker(mode) + " " : "") + full.replace('\n', ' ');
        return oneLine.length() <= maxChars ? oneLine : oneLine.substring(0, maxChars) + "…";
    }

    private boolean looksLikeJson() {
        String t = text.strip();
        return t.startsWith("{") || t.startsWith("[");
    }

    private String shortMarker(ValueMode mode) {
        return mode == ValueMode.JSON && text != null ? "not JSON:" : "not UTF-8:";
    }

    /** The bytes as a JSON tree, when they are exactly one JSON document. */
    Optional<JsonNode> json() {
        return json.document();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecodedBytes that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return summary();
    }

    /**
     * What a pane shows for some bytes.
     *
     * @param text   the bytes in the form shown
     * @param marker "" when that is the form asked for; otherwise why it is not and what is shown instead
     */
    public record Shown(String text, String marker) {
    }
}
