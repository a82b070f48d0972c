package io.triggerlab.engine.history;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Stores large bodies gzip-compressed. Event JSON is base64 and field names, so it shrinks well; the fastest level
 * keeps appends cheap enough to run after every batch. A body that would not shrink is kept as it is.
 */
final class BodyCodec {

    /** Bodies up to this size are stored as they are: compressing them saves little and costs a stream each. */
    static final int COMPRESS_ABOVE_BYTES = 4096;

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

    private static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
        try (GZIPOutputStream gz = new FastGzipOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compress an invocation body in memory", e);
        }
        return out.toByteArray();
    }

    /** GZIPOutputStream exposes its level only through its protected deflater. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(ByteArrayOutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
