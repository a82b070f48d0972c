package io.triggerlab.engine.invoke;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The event JSON of one invocation, read-only: the first {@link #length()} bytes of an array.
 *
 * <p>Why a view and not a {@code byte[]}: a poller builds every event into one buffer it reuses (a fresh 6 MB array
 * per batch cost G1 pauses of 3-10 % of a run, bench/README.md), so the array may be longer than the event and is
 * overwritten by the next batch. Invokers read the event only through this type, only while {@code invoke} runs;
 * whoever keeps it longer (the history) takes a {@link #copy()}.
 */
public final class EventPayload {

    private final byte[] bytes;
    private final int length;

    private EventPayload(byte[] bytes, int length) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        if (length < 0 || length > bytes.length) {
            throw new IllegalArgumentException("An event of " + length + " bytes does not fit an array of "
                    + bytes.length + " bytes");
        }
        this.length = length;
    }

    /** The whole of {@code bytes}, which the caller must not change while the payload is in use. */
    public static EventPayload of(byte[] bytes) {
        return new EventPayload(bytes, bytes.length);
    }

    /** The first {@code length} bytes of a buffer its owner will reuse once the invocation is over. */
    public static EventPayload view(byte[] buffer, int length) {
        return new EventPayload(buffer, length);
    }

    public int length() {
        return length;
    }

    /** A fresh array holding exactly the event, owned by the caller. */
    public byte[] copy() {
        return Arrays.copyOf(bytes, length);
    }

    public InputStream inputStream() {
        return new ByteArrayInputStream(bytes, 0, length);
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    public String asString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    public JsonNode readTree(ObjectMapper json) throws IOException {
        return json.readTree(bytes, 0, length);
    }

    public <T> T readValue(ObjectMapper json, JavaType type) throws IOException {
        return json.readValue(bytes, 0, length, type);
    }

    @Override
    public String toString() {
        return "EventPayload[" + length + " bytes]";
    }
}
