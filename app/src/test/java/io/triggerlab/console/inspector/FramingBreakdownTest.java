package io.triggerlab.console.inspector;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The raw bytes of a record cut into registry framing and payload, one "hex | meaning" line per part. */
class FramingBreakdownTest {

    @Test
    void confluentAvro_magicByteSchemaIdThenPayload() {
        byte[] body = new byte[1017];
        body[0] = 0x02;
        body[1] = 0x06;
        byte[] raw = ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(3).put(body).array();

        assertThat(FramingBreakdown.lines(raw, "AVRO")).containsExactly(
                "00 | magic byte (Confluent)",
                "00 00 00 03 | schema id 3 (big-endian)",
                "payload: 1,017 bytes | 02 06 00 00 00 00 00 00 00 00 00 00 00 00 00 00 …");
    }

    @Test
    void confluentProtobuf_messageIndexPathAfterTheSchemaId() {
        // count 2 (zigzag 04), indexes 1 and 0 (zigzag 02, 00): the first nested message of the second message
        byte[] raw = {0, 0, 0, 1, 0x2c, 0x04, 0x02, 0x00, 0x08, (byte) 0x96, 0x01};

        assertThat(FramingBreakdown.lines(raw, "PROTOBUF")).containsExactly(
                "00 | magic byte (Confluent)",
                "00 00 01 2c | schema id 300 (big-endian)",
                "04 02 00 | message indexes [1, 0] (count 2, zigzag varints)",
                "payload: 3 bytes | 08 96 01");
    }

    @Test
    void confluentProtobuf_countZeroMeansTheFirstMessage() {
        byte[] raw = {0, 0, 0, 0, 7, 0, 0x08, 0x01};

        assertThat(FramingBreakdown.lines(raw, "PROTOBUF")).containsExactly(
                "00 | magic byte (Confluent)",
                "00 00 00 07 | schema id 7 (big-endian)",
                "00 | message indexes [0] (count 0: the first message)",
                "payload: 2 bytes | 08 01");
    }

    @Test
    void glue_headerVersionCompressionAndSchemaVersionUuid() {
        byte[] raw = ByteBuffer.allocate(18 + 2).put((byte) 3).put((byte) 0)
                .putLong(0xb7b4a7f000004000L).putLong(0x8000000000000001L).put((byte) 0x7b).put((byte) 0x7d).array();

        assertThat(FramingBreakdown.lines(raw, "JSON")).containsExactly(
                "03 | header version 3 (AWS Glue)",
                "00 | compression none",
                "b7 b4 a7 f0 00 00 40 00 80 00 00 00 00 00 00 01 | schema version b7b4a7f0-0000-4000-8000-000000000001",
                "payload: 2 bytes | 7b 7d");
    }

    @Test
    void glueProtobuf_oneUnsignedVarintIndex() {
        byte[] raw = ByteBuffer.allocate(18 + 3).put((byte) 3).put((byte) 0).putLong(1).putLong(2)
                .put((byte) 0x01).put((byte) 0x08).put((byte) 0x01).array();

        assertThat(FramingBreakdown.lines(raw, "PROTOBUF")).containsExactly(
                "03 | header version 3 (AWS Glue)",
                "00 | compression none",
                "00 00 00 00 00 00 00 01 00 00 00 00 00 00 00 02 | schema version 00000000-0000-0001-0000-000000000002",
                "01 | message index 1",
                "payload: 2 bytes | 08 01");
    }

    @Test
    void unframedBytes_sayWhyNoFramingWasRecognised() {
        byte[] raw = "{\"id\":7}".getBytes(StandardCharsets.UTF_8);

        assertThat(FramingBreakdown.lines(raw, "AVRO")).containsExactly(
                "no registry framing: the first byte 7b is neither Confluent's magic byte 00 nor Glue's header "
                        + "version 03",
                "payload: 8 bytes | 7b 22 69 64 22 3a 37 7d");
    }
}
