package io.triggerlab.engine.runtime.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.runtime.payload.EventSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FailureRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:fn";
    private static final String MSK = "arn:aws:kafka:us-east-1:123456789012:cluster/c/1";

    private static ConsumerRecord<byte[], byte[]> record(int partition, long offset, long ts, String key, String value) {
        return new ConsumerRecord<>("orders", partition, offset, ts, TimestampType.CREATE_TIME, -1, -1,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8),
                new RecordHeaders(), Optional.empty());
    }

    private static FailedBatch batch() {
        return new FailedBatch(List.of(record(0, 4, 1573691884835L, "k", "a"), record(1, 9, 1573691885000L, null, "b"),
                record(0, 5, 1573691885580L, null, "c")), FailureCondition.RETRIES_EXHAUSTED, "req-1", 3,
                new FailedBatch.ResponseContext(200, "$LATEST", "Unhandled"), Instant.parse("2019-11-14T00:38:06.021Z"));
    }

    @Test
    void batchRecord_hasAwsShape_perPartitionRecordsInfo_andStringOffsets() throws Exception {
        FailureRecords records = new FailureRecords(new DestinationContext(FN, EventSource.msk(MSK, "b-1:9092")));
        JsonNode json = JSON.readTree(records.batchRecord(batch(), false));

        assertThat(json.at("/requestContext/requestId").asText()).isEqualTo("req-1");
        assertThat(json.at("/requestContext/functionArn").asText()).isEqualTo(FN);
        assertThat(json.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(json.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(json.at("/responseContext/statusCode").asInt()).isEqualTo(200);
        assertThat(json.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertThat(json.get("version").asText()).isEqualTo("1.0");
        assertThat(json.get("timestamp").asText()).isEqualTo("2019-11-14T00:38:06.021Z");
        JsonNode info = json.get("KafkaBatchInfo");
        assertThat(info.get("batchSize").asInt()).isEqualTo(3);
        assertThat(info.get("eventSourceArn").asText()).isEqualTo(MSK);
        assertThat(info.get("bootstrapServers").asText()).isEqualTo("b-1:9092");
        assertThat(info.at("/recordsInfo/orders-0/firstRecordOffset").isTextual()).isTrue();
        assertThat(info.at("/recordsInfo/orders-0/firstRecordOffset").asText()).isEqualTo("4");
        assertThat(info.at("/recordsInfo/orders-0/lastRecordOffset").asText()).isEqualTo("5");
        assertThat(info.at("/recordsInfo/orders-0/firstRecordTimestamp").asText()).isEqualTo("2019-11-14T00:38:04.835Z");
        assertThat(info.at("/recordsInfo/orders-0/lastRecordTimestamp").asText()).isEqualTo("2019-11-14T00:38:05.580Z");
        assertThat(info.at("/recordsInfo/orders-1/firstRecordOffset").asText()).isEqualTo("9");
        assertThat(json.has("payload")).isFalse();
    }

    @Test
    void s3Record_carriesTheWholeEvent_asAnEscapedJsonString() throws Exception {
        FailureRecords records = new FailureRecords(new DestinationContext(FN, EventSource.selfManaged("h:9092")));
        JsonNode json = JSON.readTree(records.batchRecord(batch(), true));
        JsonNode event = JSON.readTree(json.get("payload").asText());
        assertThat(json.get("payload").isTextual()).isTrue();
        assertThat(event.get("eventSource").asText()).isEqualTo("SelfManagedKafka");
        assertThat(event.at("/records/orders-0").size()).isEqualTo(2);
        assertThat(json.get("KafkaBatchInfo").has("eventSourceArn")).isFalse();
        assertThat(json.at("/KafkaBatchInfo/payloadSize").asLong()).isEqualTo(json.get("payload").asText().length());
    }

    @Test
    void kafkaRecords_areOnePerFailedRecord_withRecordInfoAndTheEventAsAnObject() throws Exception {
        FailureRecords records = new FailureRecords(new DestinationContext(FN, EventSource.msk(MSK, "b-1:9098")));
        List<byte[]> messages = records.perRecord(batch());
        assertThat(messages).hasSize(3);
        JsonNode first = JSON.readTree(messages.get(0));
        assertThat(first.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(first.at("/KafkaBatchInfo/batchSize").asInt()).isEqualTo(1);
        assertThat(first.at("/KafkaBatchInfo/recordInfo/offset").asText()).isEqualTo("4");
        assertThat(first.at("/KafkaBatchInfo/recordInfo/timestamp").asText()).isEqualTo("2019-11-14T00:38:04.835Z");
        assertThat(first.at("/payload/eventSource").asText()).isEqualTo("aws:kafka");
        JsonNode original = first.at("/payload/records/orders-0/0");
        assertThat(original.get("offset").asLong()).isEqualTo(4);
        assertThat(new String(Base64.getDecoder().decode(original.get("value").asText()), StandardCharsets.UTF_8)).isEqualTo("a");
        assertThat(JSON.readTree(messages.get(1)).at("/payload/records/orders-1/0/offset").asLong()).isEqualTo(9);
    }

    @Test
    void responseContextIsNull_forRecordsThatWereNeverInvoked() throws Exception {
        FailedBatch tooLarge = new FailedBatch(List.of(record(0, 1, 0, null, "x")),
                FailureCondition.MAXIMUM_PAYLOAD_SIZE_EXCEEDED, "req", 0, null, Instant.EPOCH);
        JsonNode json = JSON.readTree(new FailureRecords(new DestinationContext(FN, EventSource.selfManaged("h:1")))
                .batchRecord(tooLarge, false));
        assertThat(json.get("responseContext").isNull()).isTrue();
        assertThat(json.at("/requestContext/condition").asText()).isEqualTo("MaximumPayloadSizeExceeded");
    }
}
