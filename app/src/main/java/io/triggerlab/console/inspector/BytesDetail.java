package io.triggerlab.console.inspector;

/**
 * What the inspector's detail pane shows for one key, value or header: its size and kind, the bytes in the chosen
 * form, a marker when that form does not fit them (why, and where), and the hex dump beside it.
 *
 * @param summary "27 bytes · JSON object", or why there are no bytes ("No key")
 * @param marker  "" when the bytes are shown in the form asked for; otherwise e.g. "Not JSON: 5 more bytes follow …"
 * @param shown   the bytes in the form shown
 * @param hexDump offset, hex and ASCII columns; "" when there are no bytes
 */
public record BytesDetail(String summary, String marker, String shown, String hexDump) {

    public static final BytesDetail NONE = new BytesDetail("", "", "", "");

    public static BytesDetail of(DecodedBytes bytes, ValueMode mode) {
        DecodedBytes.Shown shown = bytes.shown(mode);
        return new BytesDetail(bytes.summary(), shown.marker(), shown.text(), bytes.hexDump());
    }

    /** No bytes at all: a record without a key, a tombstone, a header that was not a byte array. */
    public static BytesDetail absent(String why) {
        return new BytesDetail(why, "", why, "");
    }
}
