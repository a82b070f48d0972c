package io.triggerlab.engine.event;

/**
 * Standard base64 (RFC 4648, with padding, no line breaks) written straight into a caller's buffer at an offset.
 *
 * <p>Why not {@link java.util.Base64}: its array API only writes at index 0 of the destination, which costs a scratch
 * buffer and a copy per value, and it is about twice as slow as a 12-bit table lookup (consumer-baseline.md,
 * "Micro-costs"). Base64 of keys and values is most of the CPU an event costs, so it gets its own tight loop.
 */
final class Base64Encoding {

    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** For every 12-bit group, its two output characters: high char in the upper byte, low char in the lower byte. */
    private static final short[] PAIRS = new short[4096];

    static {
        for (int i = 0; i < 4096; i++) {
            PAIRS[i] = (short) ((ALPHABET[i >>> 6] << 8) | ALPHABET[i & 0x3F]);
        }
    }

    private Base64Encoding() {
    }

    /** The number of characters {@code length} input bytes encode to. */
    static long encodedLength(int length) {
        return 4L * ((length + 2L) / 3L);
    }

    /**
     * Encodes all of {@code src} into {@code dst} starting at {@code offset}.
     *
     * @return the offset just past the last character written
     */
    static int encode(byte[] src, byte[] dst, int offset) {
        int p = offset;
        int i = 0;
        int whole = src.length - src.length % 3;
        while (i < whole) {
            int bits = (src[i] & 0xFF) << 16 | (src[i + 1] & 0xFF) << 8 | (src[i + 2] & 0xFF);
            short hi = PAIRS[bits >>> 12];
            short lo = PAIRS[bits & 0xFFF];
            dst[p] = (byte) (hi >>> 8);
            dst[p + 1] = (byte) hi;
            dst[p + 2] = (byte) (lo >>> 8);
            dst[p + 3] = (byte) lo;
            i += 3;
            p += 4;
        }
        int rest = src.length - whole;
        if (rest == 1) {
            int b0 = src[i] & 0xFF;
            dst[p] = ALPHABET[b0 >>> 2];
            dst[p + 1] = ALPHABET[(b0 & 0x03) << 4];
            dst[p + 2] = '=';
            dst[p + 3] = '=';
            p += 4;
        } else if (rest == 2) {
            int b0 = src[i] & 0xFF;
            int b1 = src[i + 1] & 0xFF;
            dst[p] = ALPHABET[b0 >>> 2];
            dst[p + 1] = ALPHABET[(b0 & 0x03) << 4 | b1 >>> 4];
            dst[p + 2] = ALPHABET[(b1 & 0x0F) << 2];
            dst[p + 3] = '=';
            p += 4;
        }
        return p;
    }
}
