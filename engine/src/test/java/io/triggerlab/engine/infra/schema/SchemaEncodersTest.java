package io.triggerlab.engine.infra.schema;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The producer's encoding: what it writes, the decoders read back; what does not fit says where. */
class SchemaEncodersTest {

    private static final String AVSC = """
            {"type":"record","name":"Order","namespace":"shop","fields":[
              {"name":"id","type":"long"},
              {"name":"customer","type":"string"},
              {"name":"amount","type":"double"},
              {"name":"note","type":["null","string"],"default":null},
              {"name":"status","type":{"type":"enum","name":"Status","symbols":["NEW","PAID"]}},
              {"name":"items","type":{"type":"array","items":"string"},"default":[]}]}""";
    private static final RegisteredSchema AVRO = new RegisteredSchema("7", SchemaFormat.AVRO, AVSC, Map.of());

    private final SchemaEncoders encoders = new SchemaEncoders();
    private final SchemaDecoders decoders = new SchemaDecoders();

    @Test
    void avroValue_isFramedWithTheSchemaId_andDecodesToTheSameRecord() {
        byte[] framed = encoders.encode(AVRO, "{\"id\":1,\"customer\":\"ada\",\"amount\":12.5,\"note\":\"gift\","
                + "\"status\":\"PAID\"}", WireFraming.Registry.CONFLUENT);

        assertThat(framed[0]).as("Confluent's magic byte").isEqualTo((byte) 0);
        assertThat(new byte[]{framed[1], framed[2], framed[3], framed[4]}).containsExactly(0, 0, 0, 7);
        WireFraming.Framed parsed = WireFraming.parse(framed).orElseThrow();
        assertThat(decoders.decode(AVRO, parsed).toString()).isEqualTo("{\"id\":1,\"customer\":\"ada\",\"amount\":12.5,"
                + "\"note\":\"gift\",\"status\":\"PAID\",\"items\":[]}");
    }

    @Test
    void avroValueOfTheWrongShape_namesTheField() {
        assertThatThrownBy(() -> encoders.encode(AVRO, "{\"id\":1,\"customer\":\"ada\",\"amount\":\"lots\","
                + "\"status\":\"NEW\"}", WireFraming.Registry.CONFLUENT))
                .isInstanceOf(SchemaEncodingException.class)
                .hasMessage("The value at $.amount must be a double, but it is string \"lots\"");
        assertThatThrownBy(() -> encoders.encode(AVRO, "{\"id\":1,\"amount\":1,\"status\":\"NEW\"}",
                WireFraming.Registry.CONFLUENT))
                .hasMessage("The value has no $.customer, which shop.Order requires (a string, no default)");
        assertThatThrownBy(() -> encoders.encode(AVRO, "{\"id\":1,\"customer\":\"a\",\"amount\":1,\"status\":\"LOST\"}",
                WireFraming.Registry.CONFLUENT))
                .hasMessage("The value at $.status must be one of [NEW, PAID], but it is string \"LOST\"");
        assertThatThrownBy(() -> encoders.encode(AVRO, "{\"id\":1,", WireFraming.Registry.CONFLUENT))
                .hasMessageStartingWith("The value is not JSON: ");
    }

    @Test
    void protobufValue_carriesConfluentsFirstMessageIndex_orGluesHeader() {
        RegisteredSchema proto = new RegisteredSchema("4", SchemaFormat.PROTOBUF,
                "syntax = \"proto3\"; package shop; message Order { int64 id = 1; string customer = 2; }", Map.of());
        byte[] confluent = encoders.encode(proto, "{\"id\":\"5\",\"customer\":\"ada\"}", WireFraming.Registry.CONFLUENT);
        assertThat(confluent[5]).as("message index count 0: the first message").isEqualTo((byte) 0);
        assertThat(decoders.decode(proto, WireFraming.parse(confluent).orElseThrow()).toString())
                .isEqualTo("{\"id\":\"5\",\"customer\":\"ada\"}");

        UUID version = UUID.fromString("b7b4a7f0-0000-4000-8000-000000000001");
        RegisteredSchema glueProto = new RegisteredSchema(version.toString(), SchemaFormat.PROTOBUF, proto.text(), Map.of());
        byte[] glue = encoders.encode(glueProto, "{\"id\":\"6\"}", WireFraming.Registry.GLUE);
        assertThat(glue[0]).as("Glue's header version").isEqualTo((byte) 3);
        WireFraming.Framed parsed = WireFraming.parse(glue).orElseThrow();
        assertThat(parsed.schemaId()).isEqualTo(version.toString());
        assertThat(decoders.decode(glueProto, parsed).toString()).isEqualTo("{\"id\":\"6\"}");

        assertThatThrownBy(() -> encoders.encode(proto, "{\"price\":1}", WireFraming.Registry.CONFLUENT))
                .isInstanceOf(SchemaEncodingException.class)
                .hasMessageContaining("The value is not a shop.Order in protobuf's JSON mapping")
                .hasMessageContaining("price");
    }

    @Test
    void jsonSchemaValue_isCheckedAgainstItsSchema() {
        RegisteredSchema schema = new RegisteredSchema("9", SchemaFormat.JSON, """
                {"type":"object","properties":{"id":{"type":"integer"}},"required":["id"]}""", Map.of());
        byte[] framed = encoders.encode(schema, "{ \"id\" : 3 }", WireFraming.Registry.CONFLUENT);
        assertThat(new String(WireFraming.parse(framed).orElseThrow().body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":3}");

        assertThatThrownBy(() -> encoders.encode(schema, "{\"id\":\"three\"}", WireFraming.Registry.CONFLUENT))
                .isInstanceOf(SchemaEncodingException.class)
                .hasMessageStartingWith("The value is not valid against its schema: ")
                .hasMessageContaining("id");
    }
}
