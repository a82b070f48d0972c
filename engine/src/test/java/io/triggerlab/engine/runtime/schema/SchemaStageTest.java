package io.triggerlab.engine.runtime.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.infra.schema.RegisteredSchema;
import io.triggerlab.engine.infra.schema.SchemaEncodings;
import io.triggerlab.engine.infra.schema.SchemaFormat;
import io.triggerlab.engine.infra.schema.SchemaNotFoundException;
import io.triggerlab.engine.infra.schema.SchemaRegistryClient;
import io.triggerlab.engine.infra.schema.SchemaRegistryUnavailableException;
import io.triggerlab.engine.infra.schema.WireFraming;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaStageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER_AVSC = """
            {"type":"record","name":"Order","namespace":"shop","fields":[
              {"name":"id","type":"long"},
              {"name":"status","type":{"type":"enum","name":"Status","symbols":["NEW","PAID"]}},
              {"name":"note","type":["null","string"],"default":null}]}""";
    private static final String PROTO = """
            syntax = "proto3";
            package shop;
            message Customer { string name = 1; }
            message Order {
              int64 id = 1;
              repeated string tags = 2;
              map<string, int32> counts = 3;
              Line line = 4;
              message Line { string sku = 1; int32 qty = 2; }
            }""";
    private static final String JSON_SCHEMA = """
            {"type":"object","properties":{"id":{"type":"integer"}},"required":["id"]}""";

    private final Map<String, RegisteredSchema> schemas = new HashMap<>();
    private final SchemaRegistryClient registry = id -> {
        RegisteredSchema schema = schemas.get(id);
        if (schema == null) {
            throw new SchemaNotFoundException("no schema " + id);
        }
        return schema;
    };

    @Test
    void avroValue_deliveredAsJson_withValueSchemaMetadata() throws Exception {
        schemas.put("7", new RegisteredSchema("7", SchemaFormat.AVRO, ORDER_AVSC, Map.of()));
        byte[] value = WireFraming.confluent(7, SchemaEncodings.avro(avroSchema(), order(42, "PAID", "fast")));

        DecodedRecord record = delivered(new SchemaStage(registry, true, false, true).apply(record(null, value)));

        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":42,\"status\":\"PAID\",\"note\":\"fast\"}");
        assertThat(record.valueSchema()).contains(new SchemaMetadata("7", SchemaFormat.AVRO));
        assertThat(record.keySchema()).isEmpty();
        assertThat(record.decodedValue().orElseThrow().get("status").asText()).isEqualTo("PAID");
        assertThat(record.offset()).isEqualTo(5);
    }

    @Test
    void sourceFormat_deliversTheBodyWithoutFraming() {
        schemas.put("7", new RegisteredSchema("7", SchemaFormat.AVRO, ORDER_AVSC, Map.of()));
        byte[] body = SchemaEncodings.avro(avroSchema(), order(1, "NEW", null));

        DecodedRecord record = delivered(new SchemaStage(registry, false, false, true)
                .apply(record(null, WireFraming.confluent(7, body))));

        assertThat(record.value()).isEqualTo(body);
        assertThat(record.decodedValue().orElseThrow().get("note").isNull()).isTrue();
    }

    @Test
    void keyOnly_leavesTheValueAsItWas() {
        schemas.put("7", new RegisteredSchema("7", SchemaFormat.AVRO, ORDER_AVSC, Map.of()));
        byte[] key = WireFraming.confluent(7, SchemaEncodings.avro(avroSchema(), order(3, "NEW", null)));
        byte[] value = "not framed at all".getBytes(StandardCharsets.UTF_8);

        DecodedRecord record = delivered(new SchemaStage(registry, true, true, false).apply(record(key, value)));

        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":3,\"status\":\"NEW\",\"note\":null}");
        assertThat(record.keySchema()).contains(new SchemaMetadata("7", SchemaFormat.AVRO));
        assertThat(record.value()).isEqualTo(value);
        assertThat(record.valueSchema()).isEmpty();
    }

    @Test
    void unframedValue_isSchemaNotFound() {
        SchemaStage.Outcome outcome = new SchemaStage(registry, true, false, true)
                .apply(record(null, "{\"id\":1}".getBytes(StandardCharsets.UTF_8)));

        assertThat(outcome).isInstanceOfSatisfying(SchemaStage.Outcome.Rejection.class, r -> {
            assertThat(r.reason()).isEqualTo(SchemaRejection.SCHEMA_NOT_FOUND);
            assertThat(r.detail()).contains("carries no schema registry framing");
        });
    }

    @Test
    void unknownSchemaId_isSchemaNotFound() {
        SchemaStage.Outcome outcome = new SchemaStage(registry, true, false, true)
                .apply(record(null, WireFraming.confluent(999, new byte[]{2})));

        assertThat(outcome).isInstanceOfSatisfying(SchemaStage.Outcome.Rejection.class, r -> {
            assertThat(r.reason()).isEqualTo(SchemaRejection.SCHEMA_NOT_FOUND);
            assertThat(r.detail()).contains("schema 999");
        });
    }

    @Test
    void bytesThatDoNotDecode_areDeserializationErrors() {
        schemas.put("7", new RegisteredSchema("7", SchemaFormat.AVRO, ORDER_AVSC, Map.of()));
        byte[] good = SchemaEncodings.avro(avroSchema(), order(1, "NEW", null));
        byte[] trailing = new byte[good.length + 3];
        System.arraycopy(good, 0, trailing, 0, good.length);

        SchemaStage stage = new SchemaStage(registry, true, false, true);
        for (byte[] body : new byte[][]{{(byte) 0x80}, trailing}) {
            assertThat(stage.apply(record(null, WireFraming.confluent(7, body))))
                    .isInstanceOfSatisfying(SchemaStage.Outcome.Rejection.class,
                            r -> assertThat(r.reason()).isEqualTo(SchemaRejection.DESERIALIZATION_ERROR));
        }
    }

    @Test
    void registryDown_isNeitherDeliveredNorRejected() {
        SchemaRegistryClient down = id -> {
            throw new SchemaRegistryUnavailableException("connection refused");
        };
        SchemaStage stage = new SchemaStage(down, true, false, true);

        assertThatThrownBy(() -> stage.apply(record(null, WireFraming.confluent(7, new byte[]{2}))))
                .isInstanceOf(SchemaRegistryUnavailableException.class);
    }

    @Test
    void protobuf_confluentIndexesPickTheNestedMessage() throws Exception {
        schemas.put("9", new RegisteredSchema("9", SchemaFormat.PROTOBUF, PROTO, Map.of()));
        byte[] line = SchemaEncodings.protobuf(PROTO, "shop.Order.Line", "{\"sku\":\"A-1\",\"qty\":3}");
        // Confluent: count 2, indexes [1, 1] (zigzag varints 4, 2, 2) = the second top-level message, then its second
        // nested message: protoc puts the map field's CountsEntry first, where the field stands in the source.
        byte[] body = concat(new byte[]{4, 2, 2}, line);

        DecodedRecord record = delivered(new SchemaStage(registry, true, false, true)
                .apply(record(null, WireFraming.confluent(9, body))));

        assertThat(JSON.readTree(record.value())).isEqualTo(JSON.readTree("{\"sku\":\"A-1\",\"qty\":3}"));
        assertThat(record.valueSchema()).contains(new SchemaMetadata("9", SchemaFormat.PROTOBUF));
    }

    @Test
    void protobuf_firstMessageByZeroCount_withMapsAndRepeated() throws Exception {
        schemas.put("9", new RegisteredSchema("9", SchemaFormat.PROTOBUF, PROTO, Map.of()));
        byte[] customer = SchemaEncodings.protobuf(PROTO, "shop.Customer", "{\"name\":\"Ada\"}");
        byte[] order = SchemaEncodings.protobuf(PROTO, "shop.Order",
                "{\"id\":\"7\",\"tags\":[\"a\",\"b\"],\"counts\":{\"x\":2},\"line\":{\"sku\":\"S\"}}");
        SchemaStage stage = new SchemaStage(registry, true, false, true);

        DecodedRecord first = delivered(stage.apply(record(null, WireFraming.confluent(9, concat(new byte[]{0}, customer)))));
        DecodedRecord second = delivered(stage.apply(record(null, WireFraming.confluent(9, concat(new byte[]{2, 2}, order)))));

        assertThat(JSON.readTree(first.value())).isEqualTo(JSON.readTree("{\"name\":\"Ada\"}"));
        assertThat(JSON.readTree(second.value())).isEqualTo(JSON.readTree(
                "{\"id\":\"7\",\"tags\":[\"a\",\"b\"],\"counts\":{\"x\":2},\"line\":{\"sku\":\"S\"}}"));
    }

    @Test
    void protobuf_glueFraming_withZlibBody() throws Exception {
        UUID version = UUID.fromString("12345678-1234-1234-1234-123456789012");
        schemas.put(version.toString(), new RegisteredSchema(version.toString(), SchemaFormat.PROTOBUF, PROTO, Map.of()));
        byte[] body = concat(new byte[]{1}, SchemaEncodings.protobuf(PROTO, "shop.Order", "{\"id\":\"5\"}"));
        byte[] framed = WireFraming.glue(version, zlib(body));
        framed[1] = 5; // Glue's compression byte: zlib

        DecodedRecord record = delivered(new SchemaStage(registry, false, false, true).apply(record(null, framed)));

        assertThat(record.value()).isEqualTo(body);
        assertThat(record.valueSchema()).contains(new SchemaMetadata(version.toString(), SchemaFormat.PROTOBUF));
        assertThat(record.decodedValue().orElseThrow().get("id").asText()).isEqualTo("5");
    }

    @Test
    void protobufImportWithoutReference_isADeserializationErrorNamingTheImport() {
        schemas.put("3", new RegisteredSchema("3", SchemaFormat.PROTOBUF,
                "syntax = \"proto3\"; import \"other.proto\"; message A { Other o = 1; }", Map.of()));

        assertThat(new SchemaStage(registry, true, false, true).apply(record(null, WireFraming.confluent(3, new byte[]{0}))))
                .isInstanceOfSatisfying(SchemaStage.Outcome.Rejection.class, r -> {
                    assertThat(r.reason()).isEqualTo(SchemaRejection.DESERIALIZATION_ERROR);
                    assertThat(r.detail()).contains("imports \"other.proto\"");
                });
    }

    @Test
    void jsonSchema_validDocumentPasses_invalidOneIsRejected() throws Exception {
        schemas.put("4", new RegisteredSchema("4", SchemaFormat.JSON, JSON_SCHEMA, Map.of()));
        SchemaStage stage = new SchemaStage(registry, true, false, true);

        DecodedRecord ok = delivered(stage.apply(record(null, WireFraming.confluent(4, "{\"id\": 12}".getBytes(StandardCharsets.UTF_8)))));
        SchemaStage.Outcome bad = stage.apply(record(null, WireFraming.confluent(4, "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8))));
        SchemaStage.Outcome trailing = stage.apply(record(null, WireFraming.confluent(4, "{\"id\":1},oops".getBytes(StandardCharsets.UTF_8))));

        assertThat(new String(ok.value(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":12}");
        assertThat(ok.valueSchema()).contains(new SchemaMetadata("4", SchemaFormat.JSON));
        assertThat(bad).isInstanceOfSatisfying(SchemaStage.Outcome.Rejection.class,
                r -> assertThat(r.reason()).isEqualTo(SchemaRejection.DESERIALIZATION_ERROR));
        assertThat(trailing).isInstanceOfSatisfying(SchemaStage.Outcome.Rejection.class,
                r -> assertThat(r.reason()).isEqualTo(SchemaRejection.DESERIALIZATION_ERROR));
    }

    @Test
    void tombstone_passesWithoutMetadata() {
        DecodedRecord record = delivered(new SchemaStage(registry, true, true, true).apply(record(null, null)));

        assertThat(record.value()).isNull();
        assertThat(record.valueSchema()).isEmpty();
    }

    private static DecodedRecord delivered(SchemaStage.Outcome outcome) {
        assertThat(outcome).isInstanceOf(SchemaStage.Outcome.Delivery.class);
        return ((SchemaStage.Outcome.Delivery) outcome).record();
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] key, byte[] value) {
        return new ConsumerRecord<>("orders", 0, 5, key, value);
    }

    private static Schema avroSchema() {
        return new Schema.Parser().parse(ORDER_AVSC);
    }

    private static GenericRecord order(long id, String status, String note) {
        Schema schema = avroSchema();
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", id);
        record.put("status", new GenericData.EnumSymbol(schema.getField("status").schema(), status));
        record.put("note", note);
        return record;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] zlib(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(bytes);
        }
        return out.toByteArray();
    }
}
