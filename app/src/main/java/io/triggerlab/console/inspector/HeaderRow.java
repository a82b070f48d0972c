package io.triggerlab.console.inspector;

/**
 * One record header as Lambda sends it (a name and an array of signed bytes), decoded.
 *
 * @param name  the header name
 * @param text  the bytes as UTF-8 text, or a note when they are not UTF-8
 * @param raw   the signed-byte array exactly as in the event, e.g. {@code [-61, -85]}
 * @param bytes the header's bytes, for the detail pane's views; null when the event's header was not a byte array
 */
public record HeaderRow(String name, String text, String raw, DecodedBytes bytes) {

    /** "4 bytes", or "?" when the event's header was not a byte array. */
    public String size() {
        return bytes == null ? "?" : bytes.length() == 1 ? "1 byte" : String.format("%,d bytes", bytes.length());
    }
}
