package io.triggerlab.console.inspector;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A record's key or value bytes as Kafka holds them, cut into the registry framing a serializer put in front
 * (Confluent: magic byte, 4-byte big-endian schema id, Protobuf message indexes; AWS Glue: header version, compression,
 * schema version UUID, Protobuf message index) and the payload. One line per part, "hex | meaning", so a person can
 * match the bytes Lambda strips with the metadata it reports.
 */
final class FramingBreakdown {

    /** How many payload bytes are shown in hex; the rest is counted. */
    static final int PAYLOAD_SHOWN = 16;

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private static final int CONFLUENT_HEADER = 5;
    private static final int GLUE_HEADER = 18;
    /** Confluent bounds the index path this deep; a longer count means the bytes are not message indexes. */
    private static final int MAX_INDEXES = 64;

    private FramingBreakdown() {
    }

    /**
     * @param raw        the bytes exactly as stored in Kafka
     * @param dataFormat the {@code dataFormat} of Lambda's schema metadata (AVRO, PROTOBUF, JSON), "" when unknown
     */
    static List<String> lines(byte[] raw, String dataFormat) {
        List<String> lines = new ArrayList<>();
        if (raw.length == 0) {
            lines.add("no bytes");
            return lines;
        }
        boolean protobuf = "PROTOBUF".equals(dataFormat);
        int payloadFrom;
        if (raw[0] == 0 && raw.length >= CONFLUENT_HEADER) {
            lines.add(hex(raw, 0, 1) + " | magic byte (Confluent)");
            lines.add(hex(raw, 1, 5) + " | schema id " + ByteBuffer.wrap(raw, 1, 4).getInt() + " (big-endian)");
            payloadFrom = protobuf ? confluentIndexes(raw, lines) : CONFLUENT_HEADER;
        } else if (raw[0] == 3 && raw.length >= GLUE_HEADER && (raw[1] == 0 || raw[1] == 5)) {
            lines.add(hex(raw, 0, 1) + " | header version 3 (AWS Glue)");
            boolean zlib = raw[1] == 5;
            lines.add(hex(raw, 1, 2) + " | compression " + (zlib ? "zlib (the rest is deflated)" : "none"));
            ByteBuffer uuid = ByteBuffer.wrap(raw, 2, 16);
            lines.add(hex(raw, 2, GLUE_HEADER) + " | schema version "
                    + new UUID(uuid.getLong(), uuid.getLong()));
            payloadFrom = protobuf && !zlib ? glueIndex(raw, lines) : GLUE_HEADER;
        } else {
            lines.add("no registry framing: the first byte " + hex(raw, 0, 1) + " is neither Confluent's magic byte "
                    + "00 nor Glue's header version 03");
            payloadFrom = 0;
        }
        lines.add(payload(raw, payloadFrom));
        return lines;
    }

    /** Confluent: a zigzag varint count, then that many zigzag varint indexes; a count of 0 means the first message. */
    private static int confluentIndexes(byte[] raw, List<String> lines) {
        Varint count = Varint.read(raw, CONFLUENT_HEADER, true);
        if (count == null || count.value() < 0 || count.value() > MAX_INDEXES) {
            lines.add("message indexes: the bytes after the schema id are not a Confluent index count");
            return CONFLUENT_HEADER;
        }
        if (count.value() == 0) {
            lines.add(hex(raw, CONFLUENT_HEADER, count.end()) + " | message indexes [0] (count 0: the first message)");
            return count.end();
        }
        List<Long> path = new ArrayList<>();
        int at = count.end();
        for (int i = 0; i < count.value(); i++) {
            Varint index = Varint.read(raw, at, true);
            if (index == null) {
                lines.add("message indexes: the bytes end inside them");
                return CONFLUENT_HEADER;
            }
            path.add(index.value());
            at = index.end();
        }
        lines.add(hex(raw, CONFLUENT_HEADER, at) + " | message indexes " + path + " (count " + count.value()
                + ", zigzag varints)");
        return at;
    }

    /** Glue: one unsigned varint index into the schema's top-level messages. */
    private static int glueIndex(byte[] raw, List<String> lines) {
        Varint index = Varint.read(raw, GLUE_HEADER, false);
        if (index == null) {
            lines.add("message index: the bytes end inside it");
            return GLUE_HEADER;
        }
        lines.add(hex(raw, GLUE_HEADER, index.end()) + " | message index " + index.value());
        return index.end();
    }

    private static String payload(byte[] raw, int from) {
        int size = raw.length - from;
        String count = size == 1 ? "1 byte" : String.format("%,d bytes", size);
        if (size == 0) {
            return "payload: " + count;
        }
        int shown = Math.min(size, PAYLOAD_SHOWN);
        return "payload: " + count + " | " + hex(raw, from, from + shown) + (size > shown ? " …" : "");
    }

    private static String hex(byte[] raw, int from, int to) {
        return HEX.formatHex(raw, from, to);
    }

    /** A varint read from {@code raw}: its value and the offset after it. */
    private record Varint(long value, int end) {

        /** @return null when the bytes end inside the varint or it runs past 64 bits */
        static Varint read(byte[] raw, int from, boolean zigzag) {
            long value = 0;
            for (int at = from, shift = 0; at < raw.length && shift < 64; at++, shift += 7) {
                value |= (long) (raw[at] & 0x7f) << shift;
                if ((raw[at] & 0x80) == 0) {
                    return new Varint(zigzag ? (value >>> 1) ^ -(value & 1) : value, at + 1);
                }
            }
            return null;
        }
    }
}
