package io.triggerlab.engine.runtime.payload;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.Base64;

/**
 * Standard base64 (RFC 4648, with padding, no line breaks) written into a caller's buffer at an offset, the fastest way
 * this JVM offers. Base64 of keys and values is most of the CPU an event costs (about 45 % of the poller's time).
 *
 * <p>Where HotSpot compiles {@link java.util.Base64}'s encoder to vector instructions ({@code UseBASE64Intrinsics}:
 * x86 with AVX-512, aarch64), the JDK encoder into a scratch array plus a copy ran at ~11 GB/s on the development
 * machine, against 1.5 GB/s for the table loop below: the JDK's array API only writes at index 0, but a 1.4 KB copy is
 * cheap. Without the intrinsic the JDK encoder is plain Java and slower than the table (1.1 against 1.5 GB/s; about
 * twice as slow in consumer-baseline.md, "Micro-costs"), so the table stays for those machines.
 */
final class Base64Encoding {

    private static final Logger log = LoggerFactory.getLogger(Base64Encoding.class);

    /** True when this JVM runs {@link java.util.Base64}'s encoder as a vectorized intrinsic; decided once. */
    static final boolean JDK_INTRINSIC = jdkEncoderIsIntrinsic();

    private static final Base64.Encoder JDK = Base64.getEncoder();

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

    private static boolean jdkEncoderIsIntrinsic() {
        boolean intrinsic;
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            intrinsic = hotSpot != null && Boolean.parseBoolean(hotSpot.getVMOption("UseBASE64Intrinsics").getValue());
        } catch (RuntimeException | LinkageError e) {
            intrinsic = false; // not HotSpot, or no such flag: the table is the safe choice
        }
        log.debug("Event base64: {}", intrinsic ? "java.util.Base64 (HotSpot intrinsic)" : "table encoder");
        return intrinsic;
    }

    /**
     * Encodes all of {@code src} into {@code dst} at {@code offset} with the faster of the two encoders.
     *
     * @param scratch at least {@link #encodedLength}{@code (src.length)} bytes, used only with the JDK encoder
     * @return the offset just past the last character written
     */
    static int encode(byte[] src, byte[] dst, int offset, byte[] scratch) {
        if (!JDK_INTRINSIC) {
            return encode(src, dst, offset);
        }
        int length = JDK.encode(src, scratch);
        System.arraycopy(scratch, 0, dst, offset, length);
        return offset + length;
    }

    /** The number of characters {@code length} input bytes encode to. */
    static long encodedLength(int length) {
        return 4L * ((length + 2L) / 3L);
    }

    /**
     * Encodes all of {@code src} into {@code dst} starting at {@code offset} with the table encoder.
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
