package io.triggerlab.engine.runtime.payload;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent.KafkaEventRecord;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.infra.schema.RegisteredSchema;
import io.triggerlab.engine.infra.schema.SchemaEncoders;
import io.triggerlab.engine.infra.schema.SchemaFormat;
import io.triggerlab.engine.infra.schema.WireFraming;
import io.triggerlab.engine.runtime.schema.SchemaStage;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events of schema-decoded records read back by AWS's own event model (aws-lambda-java-events 3.16.1, the
 * {@code KafkaEvent.SchemaMetadata} it declares), strictly: an unknown or misspelt field fails the read. The values are
 * the ones a user's function reads: the decoded JSON (EventRecordFormat JSON) or the Avro bytes that Avro's own reader
 * takes (SOURCE).
 */
class SchemaEventContractTest {

    private static final String AVSC = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"shop\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"customer\",\"type\":\"string\"}]}";
    private static final String PROTO = "syntax = \"proto3\"; package shop; message Key { string region = 1; }";
    private static final UUID GLUE_VERSION = UUID.fromString("6d8f1c2a-4b3e-4f5a-9c7d-0e1f2a3b4c5d");
    private static final Map<String, RegisteredSchema> REGISTRY = Map.of(
            "12", new RegisteredSchema("12", SchemaFormat.AVRO, AVSC, Map.of()),
            GLUE_VERSION.toString(), new RegisteredSchema(GLUE_VERSION.toString(), SchemaFormat.PROTOBUF, PROTO, Map.of()));

    /** What the Lambda Java runtime's event model accepts, failing on any field it does not declare. */
    private final ObjectMapper strictLambdaJson = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private final SchemaEncoders encoders = new SchemaEncoders();

    @Test
    void jsonFormat_deliversTheDecodedRecords_withMetadataAwsEventClassesRead() throws Exception {
        KafkaEventRecord record = deliverOne(true);

        assertThat(utf8(record.getValue())).isEqualTo("{\"id\":41,\"customer\":\"ada\"}");
        assertThat(utf8(record.getKey())).isEqualTo("{\"region\":\"eu\"}");
        assertThat(record.getValueSchemaMetadata().getSchemaId()).isEqualTo("12");
        assertThat(record.getValueSchemaMetadata().getDataFormat()).isEqualTo("AVRO");
        assertThat(record.getKeySchemaMetadata().getSchemaId()).isEqualTo(GLUE_VERSION.toString());
        assertThat(record.getKeySchemaMetadata().getDataFormat()).isEqualTo("PROTOBUF");
        assertThat(record.getTopic()).isEqualTo("orders");
        assertThat(record.getOffset()).isEqualTo(7);
    }

    @Test
    void sourceFormat_deliversTheAvroBytesWithoutFraming_thatAvrosOwnReaderTakes() throws Exception {
        KafkaEventRecord record = deliverOne(false);

        byte[] value = Base64.getDecoder().decode(record.getValue());
        Schema schema = new Schema.Parser().parse(AVSC);
        GenericRecord order = new GenericDatumReader<GenericRecord>(schema)
                .read(null, DecoderFactory.get().binaryDecoder(value, null));
        assertThat(order.get("id")).isEqualTo(41L);
        assertThat(order.get("customer").toString()).isEqualTo("ada");
        assertThat(record.getValueSchemaMetadata().getDataFormat()).isEqualTo("AVRO");
        assertThat(record.getValueSchemaMetadata().getSchemaId()).isEqualTo("12");
        assertThat(Base64.getDecoder().decode(record.getKey())).as("Glue's header gone, the message index kept")
                .startsWith(0);
        assertThat(record.getKeySchemaMetadata().getSchemaId()).isEqualTo(GLUE_VERSION.toString());
    }

    private KafkaEventRecord deliverOne(boolean deliverJson) throws Exception {
        SchemaStage stage = new SchemaStage(REGISTRY::get, deliverJson, true, true);
        ConsumerRecord<byte[], byte[]> consumed = new ConsumerRecord<>("orders", 3, 7,
                encoders.encode(REGISTRY.get(GLUE_VERSION.toString()), "{\"region\":\"eu\"}", WireFraming.Registry.GLUE),
                encoders.encode(REGISTRY.get("12"), "{\"id\":41,\"customer\":\"ada\"}", WireFraming.Registry.CONFLUENT));
        ConsumerRecord<byte[], byte[]> delivered = ((SchemaStage.Outcome.Delivery) stage.apply(consumed)).record();
        byte[] event = new KafkaEventWriter(EventSource.selfManaged("127.0.0.1:9092")).write(List.of(delivered));

        KafkaEvent read = strictLambdaJson.readValue(event, KafkaEvent.class);

        assertThat(read.getEventSource()).isEqualTo("SelfManagedKafka");
        assertThat(read.getRecords()).containsOnlyKeys("orders-3");
        return read.getRecords().get("orders-3").get(0);
    }

    private static String utf8(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
