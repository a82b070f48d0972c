package io.triggerlab.engine.observe.history;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Stores large bodies gzip-compressed (on the history's writer thread, never a poller's). Event JSON is base64 and field
 * names. Random values base64-encoded leave LZ77 little to find: Huffman coding alone gets nearly all of the gain
 * (0.77 of the size against 0.68 for level 1 on the benchmark's events) at three times the speed (165 against 49 MB/s).
 * So a 16 KB sample decides: when Huffman coding alone comes within {@link #HUFFMAN_ENOUGH} of level 1 on it, the body is
 * Huffman-coded only. Either way the output is plain gzip, so reading needs no flag. A body that would not shrink is kept as it is.
 */
final class BodyCodec {

    /** Bodies up to this size are stored as they are: compressing them saves little and costs a stream each. */
    static final int COMPRESS_ABOVE_BYTES = 4096;
    /** The sample compressed both ways to decide how the whole body is compressed (small: it is paid per body). */
    static final int SAMPLE_BYTES = 16 * 1024;
    /** Huffman coding's output at most this much larger than level 1's on the sample: LZ77 is not worth its time. */
    static final double HUFFMAN_ENOUGH = 1.15;

    private BodyCodec() {
    }

    /** A body as stored: its bytes and whether they are gzip. */
    record StoredBody(byte[] bytes, boolean gzip) {
        static final StoredBody NONE = new StoredBody(null, false);

        long storedLength() {
            return bytes == null ? 0 : bytes.length;
        }
    }

    static StoredBody encode(byte[] raw) {
        if (raw == null) {
            return StoredBody.NONE;
        }
        if (raw.length <= COMPRESS_ABOVE_BYTES) {
            return new StoredBody(raw, false);
        }
        byte[] compressed = gzip(raw);
        return compressed.length < raw.length ? new StoredBody(compressed, true) : new StoredBody(raw, false);
    }

    static byte[] decode(byte[] stored, boolean gzip) {
        if (stored == null || !gzip) {
            return stored;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("A stored invocation body is not valid gzip: the history database is damaged", e);
        }
    }

    /** Whether LZ77 (level 1) finds enough repetition in a sample of the body to be worth its time over Huffman alone. */
    static boolean repetitive(byte[] raw) {
        if (raw.length <= SAMPLE_BYTES) {
            return true; // small enough to compress properly at once
        }
        int lz = deflatedSize(raw, Deflater.DEFAULT_STRATEGY);
        int huffman = deflatedSize(raw, Deflater.HUFFMAN_ONLY);
        return huffman > lz * HUFFMAN_ENOUGH;
    }

    private static int deflatedSize(byte[] raw, int strategy) {
        Deflater sample = new Deflater(Deflater.BEST_SPEED, true);
        try {
            sample.setStrategy(strategy);
            sample.setInput(raw, 0, SAMPLE_BYTES);
            sample.finish();
            byte[] out = new byte[SAMPLE_BYTES + 1024];
            int n = 0;
            while (!sample.finished() && n < out.length) {
                n += sample.deflate(out, n, out.length - n);
            }
            return n;
        } finally {
            sample.end();
        }
    }

    private static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 * 3 + 64);
        try (GZIPOutputStream gz = new FastGzipOutputStream(out, repetitive(raw))) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compress an invocation body in memory", e);
        }
        return out.toByteArray();
    }

    /** GZIPOutputStream exposes its level and strategy only through its protected deflater. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(ByteArrayOutputStream out, boolean repetitive) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
            if (!repetitive) {
                def.setStrategy(Deflater.HUFFMAN_ONLY);
            }
        }
    }
}
