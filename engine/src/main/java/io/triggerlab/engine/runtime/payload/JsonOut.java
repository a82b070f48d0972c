package io.triggerlab.engine.runtime.payload;

import java.nio.charset.StandardCharsets;

/**
 * A minimal UTF-8 JSON writer into a byte array that was sized exactly beforehand, plus the matching size functions.
 *
 * <p>Every {@code writeX} method has a {@code sizeOfX} twin right next to it, and the two must agree byte for byte:
 * {@link KafkaEventWriter} allocates the event from the sizes and then checks it filled the array exactly.
 * Not thread-safe; one instance per event.
 */
final class JsonOut {

    /** Decimal text of every signed byte value, indexed by {@code b & 0xFF}. */
    private static final byte[][] SIGNED_BYTE_TEXT = new byte[256][];
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    static {
        for (int i = 0; i < 256; i++) {
            SIGNED_BYTE_TEXT[i] = Integer.toString((byte) i).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final byte[] buf;
    private int pos;
    /** Where the JDK's base64 encoder writes before the copy into {@code buf} (see {@link Base64Encoding}). */
    private byte[] scratch = new byte[0];

    JsonOut(byte[] buf) {
        this.buf = buf;
    }

    int position() {
        return pos;
    }

    byte[] buffer() {
        return buf;
    }

    void raw(byte[] bytes) {
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    void raw(char asciiChar) {
        buf[pos++] = (byte) asciiChar;
    }

    // ---- numbers ---------------------------------------------------------------------------------------------

    static int sizeOfNumber(long v) {
        if (v < 0) {
            return v == Long.MIN_VALUE ? 20 : 1 + sizeOfNumber(-v);
        }
        // Compares against powers of ten rather than dividing: twice per record for its offset and timestamp.
        long power = 10;
        for (int digits = 1; digits < 19; digits++) {
            if (v < power) {
                return digits;
            }
            power *= 10;
        }
        return 19; // 10^18 <= v <= Long.MAX_VALUE
    }

    void number(long v) {
        int end = pos + sizeOfNumber(v);
        int p = end;
        // Work on the negative value so that Long.MIN_VALUE needs no special case.
        long n = v < 0 ? v : -v;
        do {
            buf[--p] = (byte) ('0' - (n % 10));
            n /= 10;
        } while (n != 0);
        if (v < 0) {
            buf[--p] = '-';
        }
        pos = end;
    }

    // ---- strings ---------------------------------------------------------------------------------------------

    /** The bytes of {@code s} as a JSON string body (no quotes): escapes counted, non-ASCII as UTF-8. */
    static int sizeOfStringBody(String s) {
        int size = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80) {
                size += (c == '"' || c == '\\') ? 2 : 1;
            } else if (c < 0x20) {
                size += shortEscape(c) != 0 ? 2 : 6;
            } else if (c < 0x800) {
                size += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                size += 4;
                i++;
            } else {
                size += 3; // BMP char, or a lone surrogate written as U+FFFD
            }
        }
        return size;
    }

    /** Writes {@code s} as a JSON string body (no quotes). A lone surrogate becomes U+FFFD, as a UTF-8 decoder would
     * produce; Kafka's own String deserializer never yields one, so this only guards against hand-made headers. */
    void stringBody(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80) {
                if (c == '"' || c == '\\') {
                    buf[pos++] = '\\';
                }
                buf[pos++] = (byte) c;
            } else if (c < 0x20) {
                controlChar(c);
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xC0 | c >>> 6);
                buf[pos++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[pos++] = (byte) (0xF0 | cp >>> 18);
                buf[pos++] = (byte) (0x80 | cp >>> 12 & 0x3F);
                buf[pos++] = (byte) (0x80 | cp >>> 6 & 0x3F);
                buf[pos++] = (byte) (0x80 | cp & 0x3F);
            } else {
                char bmp = Character.isSurrogate(c) ? '\uFFFD' : c;
                buf[pos++] = (byte) (0xE0 | bmp >>> 12);
                buf[pos++] = (byte) (0x80 | bmp >>> 6 & 0x3F);
                buf[pos++] = (byte) (0x80 | bmp & 0x3F);
            }
        }
    }

    private void controlChar(char c) {
        buf[pos++] = '\\';
        char esc = shortEscape(c);
        if (esc != 0) {
            buf[pos++] = (byte) esc;
        } else {
            buf[pos++] = 'u';
            buf[pos++] = '0';
            buf[pos++] = '0';
            buf[pos++] = HEX[c >>> 4];
            buf[pos++] = HEX[c & 0xF];
        }
    }

    private static char shortEscape(char c) {
        switch (c) {
            case '\b': return 'b';
            case '\f': return 'f';
            case '\n': return 'n';
            case '\r': return 'r';
            case '\t': return 't';
            default: return 0;
        }
    }

    // ---- base64 and byte arrays ------------------------------------------------------------------------------

    /** A quoted base64 string of {@code bytes}. */
    static long sizeOfBase64String(byte[] bytes) {
        return 2 + Base64Encoding.encodedLength(bytes.length);
    }

    void base64String(byte[] bytes) {
        buf[pos++] = '"';
        long encoded = Base64Encoding.encodedLength(bytes.length);
        if (Base64Encoding.JDK_INTRINSIC && scratch.length < encoded) {
            scratch = new byte[(int) Math.max(encoded, 4096)];
        }
        pos = Base64Encoding.encode(bytes, buf, pos, scratch);
        buf[pos++] = '"';
    }

    /** A JSON array of the bytes as signed integers, {@code [104,-61,-85]}; {@code null} counts as empty. */
    static long sizeOfSignedByteArray(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return 2;
        }
        long size = 2 + bytes.length - 1; // brackets and commas
        for (byte b : bytes) {
            size += SIGNED_BYTE_TEXT[b & 0xFF].length;
        }
        return size;
    }

    void signedByteArray(byte[] bytes) {
        buf[pos++] = '[';
        if (bytes != null) {
            for (int i = 0; i < bytes.length; i++) {
                if (i > 0) {
                    buf[pos++] = ',';
                }
                byte[] text = SIGNED_BYTE_TEXT[bytes[i] & 0xFF];
                for (byte t : text) {
                    buf[pos++] = t;
                }
            }
        }
        buf[pos++] = ']';
    }
}
