package io.triggerlab.console.inspector;

/**
 * One record header as Lambda sends it (a name and an array of signed bytes), decoded.
 *
 * @param name  the header name
 * @param text  the bytes as UTF-8 text, or a note when they are not UTF-8
 * @param raw   the signed-byte array exactly as in the event, e.g. {@code [-61, -85]}
 */
public record HeaderRow(String name, String text, String raw) {
}
