package io.triggerlab.engine.infra.schema;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Recognises the two registry framings a serializer puts in front of the encoded bytes:
 * <ul>
 *   <li><b>Confluent</b>: magic byte {@code 0}, then the schema id as a 4-byte big-endian int
 *       (docs/aws-behaviour.md#schema-registry).</li>
 *   <li><b>AWS Glue</b>: header version byte {@code 3}, a compression byte ({@code 0} none, {@code 5} zlib), then the
 *       16-byte schema version UUID.</li>
 * </ul>
 * Protobuf message indexes are part of the body here; {@link ProtobufDecoder} reads them.
 */
public final class WireFraming {

    static final byte CONFLUENT_MAGIC = 0;
    static final byte GLUE_HEADER_VERSION = 3;
    static final byte GLUE_COMPRESSION_NONE = 0;
    static final byte GLUE_COMPRESSION_ZLIB = 5;
    static final int CONFLUENT_HEADER = 5;
    static final int GLUE_HEADER = 18;

    private WireFraming() {
    }

    /** The registry that framed the bytes and the schema it names, or empty when the bytes carry no framing. */
    public static Optional<Framed> parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        if (bytes[0] == CONFLUENT_MAGIC && bytes.length >= CONFLUENT_HEADER) {
            int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
            return Optional.of(new Framed(Registry.CONFLUENT, Integer.toString(id), body(bytes, CONFLUENT_HEADER)));
        }
        if (bytes[0] == GLUE_HEADER_VERSION && bytes.length >= GLUE_HEADER
                && (bytes[1] == GLUE_COMPRESSION_NONE || bytes[1] == GLUE_COMPRESSION_ZLIB)) {
            ByteBuffer uuid = ByteBuffer.wrap(bytes, 2, 16);
            String id = new UUID(uuid.getLong(), uuid.getLong()).toString();
            byte[] body = body(bytes, GLUE_HEADER);
            return Optional.of(new Framed(Registry.GLUE, id,
                    bytes[1] == GLUE_COMPRESSION_ZLIB ? inflate(body) : body));
        }
        return Optional.empty();
    }

    /** Confluent framing around {@code body}: what a Confluent serializer writes. */
    public static byte[] confluent(int schemaId, byte[] body) {
        return ByteBuffer.allocate(CONFLUENT_HEADER + body.length)
                .put(CONFLUENT_MAGIC).putInt(schemaId).put(body).array();
    }

    /** Glue framing (uncompressed) around {@code body}: what the Glue serializer writes. */
    public static byte[] glue(UUID schemaVersionId, byte[] body) {
        return ByteBuffer.allocate(GLUE_HEADER + body.length)
                .put(GLUE_HEADER_VERSION).put(GLUE_COMPRESSION_NONE)
                .putLong(schemaVersionId.getMostSignificantBits()).putLong(schemaVersionId.getLeastSignificantBits())
                .put(body).array();
    }

    private static byte[] body(byte[] bytes, int from) {
        byte[] body = new byte[bytes.length - from];
        System.arraycopy(bytes, from, body, 0, body.length);
        return body;
    }

    private static byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 2);
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new SchemaDecodingException("Glue-framed body says zlib but ends before its stream does");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new SchemaDecodingException("Glue-framed body says zlib but is not a zlib stream: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    /** Who framed the bytes. */
    public enum Registry { CONFLUENT, GLUE }

    /**
     * @param registry the framing found
     * @param schemaId Confluent's integer id as text, or Glue's schema version UUID
     * @param body     the bytes after the framing (decompressed for Glue's zlib), as Lambda's SOURCE format delivers
     */
    public record Framed(Registry registry, String schemaId, byte[] body) {
    }
}
