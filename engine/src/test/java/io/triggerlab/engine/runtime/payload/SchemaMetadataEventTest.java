package io.triggerlab.engine.runtime.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.infra.schema.RegisteredSchema;
import io.triggerlab.engine.infra.schema.SchemaFormat;
import io.triggerlab.engine.infra.schema.WireFraming;
import io.triggerlab.engine.runtime.schema.SchemaStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Records decoded by a schema registry carry Lambda's {@code keySchemaMetadata}/{@code valueSchemaMetadata}. */
class SchemaMetadataEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "{\"type\":[\"object\",\"string\"]}";

    @Test
    void decodedRecordsCarryTheirSchemaMetadataAfterTheHeaders_andTheSizeArithmeticHolds() throws Exception {
        SchemaStage stage = new SchemaStage(id -> new RegisteredSchema(id, SchemaFormat.JSON, SCHEMA, Map.of()),
                true, true, true);
        ConsumerRecord<byte[], byte[]> decoded = ((SchemaStage.Outcome.Delivery) stage.apply(new ConsumerRecord<>(
                "orders", 1, 9, WireFraming.confluent(3, "\"k\"".getBytes(StandardCharsets.UTF_8)),
                WireFraming.confluent(12, "{\"id\":1}".getBytes(StandardCharsets.UTF_8))))).record();
        ConsumerRecord<byte[], byte[]> plain = new ConsumerRecord<>("orders", 1, 10, null,
                "raw".getBytes(StandardCharsets.UTF_8));
        KafkaEventWriter writer = new KafkaEventWriter(EventSource.selfManaged("127.0.0.1:9092"));

        byte[] event = writer.write(List.of(decoded, plain));

        String text = new String(event, StandardCharsets.UTF_8);
        assertThat(text).contains("\"headers\":[],\"keySchemaMetadata\":{\"schemaId\":\"3\",\"dataFormat\":\"JSON\"},"
                + "\"valueSchemaMetadata\":{\"schemaId\":\"12\",\"dataFormat\":\"JSON\"}}");
        JsonNode records = JSON.readTree(event).get("records").get("orders-1");
        assertThat(new String(Base64.getDecoder().decode(records.get(0).get("value").asText()), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":1}");
        assertThat(records.get(1).has("valueSchemaMetadata")).isFalse();
        long expected = writer.eventSize(KafkaEventWriter.partitionSize("orders", 1),
                KafkaEventWriter.recordSize(decoded) + KafkaEventWriter.recordSize(plain));
        assertThat(event.length).isEqualTo(expected);
    }
}
