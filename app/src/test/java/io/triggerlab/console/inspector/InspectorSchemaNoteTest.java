package io.triggerlab.console.inspector;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.invocations.FakeHistory;
import io.triggerlab.console.invocations.InvocationRow;
import io.triggerlab.engine.infra.cluster.StoredRecord;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The inspector says how a schema-decoded record was framed in Kafka and in what form the function got it. */
class InspectorSchemaNoteTest {

    private static final String MAPPING = "22222222-2222-2222-2222-222222222222";
    /** Value {"id":7} decoded from Avro (schema id 3, JSON format); key decoded from a Glue-framed Protobuf. */
    private static final String EVENT = "{\"eventSource\":\"SelfManagedKafka\",\"bootstrapServers\":\"127.0.0.1:9092\","
            + "\"records\":{\"orders-0\":[{\"topic\":\"orders\",\"partition\":0,\"offset\":5,\"timestamp\":1769851800000,"
            + "\"timestampType\":\"CREATE_TIME\",\"key\":\"ImsiCg==\",\"value\":\"eyJpZCI6N30=\",\"headers\":[],"
            + "\"keySchemaMetadata\":{\"schemaId\":\"b7b4a7f0-0000-4000-8000-000000000001\",\"dataFormat\":\"PROTOBUF\"},"
            + "\"valueSchemaMetadata\":{\"schemaId\":\"3\",\"dataFormat\":\"AVRO\"}},"
            + "{\"topic\":\"orders\",\"partition\":0,\"offset\":6,\"timestamp\":1769851800001,"
            + "\"timestampType\":\"CREATE_TIME\",\"value\":\"cmF3\",\"headers\":[]}]}}";

    private final FakeHistory history = new FakeHistory();
    private final QueuedExecutor background = new QueuedExecutor();
    private final InspectorViewModel vm = new InspectorViewModel(history, new BackgroundWork(background, Runnable::run),
            ZoneOffset.UTC);
    private final List<String> asked = new ArrayList<>();

    @Test
    void annotatesTheFraming_thenAddsTheSubjectAndTheDeliveredFormat() {
        vm.lookUpSchemasWith((mapping, schemaId) -> {
            asked.add(mapping + " " + schemaId);
            return new SchemaLookup.Facts(schemaId.equals("3") ? "orders-value" : "", "JSON");
        });
        InvocationRecord record = history.add(MAPPING, "batch-1", 1, InvocationOutcome.SUCCESS, 5, EVENT);

        vm.show(InvocationRow.of(record.summary(), ZoneOffset.UTC));
        background.runAll();

        assertThat(asked).containsExactly(MAPPING + " 3", MAPPING + " b7b4a7f0-0000-4000-8000-000000000001");
        assertThat(vm.schemaNoteProperty().get()).isEqualTo(
                "Value: Confluent wire format (magic byte 0, 4-byte schema id), schema id 3, subject orders-value, AVRO."
                        + " The function got the decoded record as JSON (EventRecordFormat JSON).\n"
                        + "Key: AWS Glue header (version byte 3, compression byte, 16-byte schema version id, message "
                        + "index), schema version b7b4a7f0-0000-4000-8000-000000000001, PROTOBUF. The function got the "
                        + "decoded record as JSON (EventRecordFormat JSON).");
        assertThat(vm.valueDetailProperty().get().shown()).as("the decoded value as the function got it")
                .isEqualTo("{\n  \"id\" : 7\n}");

        vm.selectedRecordProperty().set(vm.records().get(1));
        assertThat(vm.schemaNoteProperty().get()).as("a plain record has no note").isEmpty();
    }

    @Test
    void rawBytes_readBackFromKafka_withTheFramingAnnotated() {
        byte[] avro = {0, 0, 0, 0, 3, 0x0e};
        byte[] glueProto = ByteBuffer.allocate(20).put((byte) 3).put((byte) 0).putLong(0xb7b4a7f000004000L)
                .putLong(0x8000000000000001L).put((byte) 0).put((byte) 0x0a).array();
        List<String> reads = new ArrayList<>();
        vm.readRawBytesWith((topic, partition, offset) -> {
            reads.add(topic + " " + partition + " " + offset);
            return Optional.of(new StoredRecord(topic, partition, offset, Instant.EPOCH, "CREATE_TIME", glueProto,
                    avro, List.of()));
        });
        InvocationRecord record = history.add(MAPPING, "batch-1", 1, InvocationOutcome.SUCCESS, 5, EVENT);

        vm.show(InvocationRow.of(record.summary(), ZoneOffset.UTC));
        background.runAll();

        assertThat(reads).containsExactly("orders 0 5");
        assertThat(vm.rawBytesProperty().get()).isEqualTo("""
                Raw value bytes in Kafka (6 bytes):
                  00 | magic byte (Confluent)
                  00 00 00 03 | schema id 3 (big-endian)
                  payload: 1 byte | 0e
                Raw key bytes in Kafka (20 bytes):
                  03 | header version 3 (AWS Glue)
                  00 | compression none
                  b7 b4 a7 f0 00 00 40 00 80 00 00 00 00 00 00 01 | schema version b7b4a7f0-0000-4000-8000-000000000001
                  00 | message index 0
                  payload: 1 byte | 0a""");

        vm.selectedRecordProperty().set(vm.records().get(1));
        assertThat(vm.rawBytesProperty().get()).as("a plain record: its bytes are the value shown").isEmpty();
    }

    @Test
    void rawBytes_ofARecordRetentionDeleted_sayItIsGone() {
        vm.readRawBytesWith((topic, partition, offset) -> Optional.empty());
        InvocationRecord record = history.add(MAPPING, "batch-1", 1, InvocationOutcome.SUCCESS, 5, EVENT);

        vm.show(InvocationRow.of(record.summary(), ZoneOffset.UTC));
        background.runAll();

        assertThat(vm.rawBytesProperty().get()).isEqualTo("Raw bytes: offset 5 of orders-0 is no longer in Kafka "
                + "(retention deleted it, or the topic was recreated), so its framing cannot be shown; the event above "
                + "is what the function got.");
    }

    @Test
    void withoutALookup_theMetadataAloneIsSaid() {
        InvocationRecord record = history.add(MAPPING, "batch-1", 1, InvocationOutcome.SUCCESS, 5,
                EVENT.replace("\"dataFormat\":\"AVRO\"", "\"dataFormat\":\"PROTOBUF\""));

        vm.show(InvocationRow.of(record.summary(), ZoneOffset.UTC));
        background.runAll();

        assertThat(vm.schemaNoteProperty().get()).startsWith("Value: Confluent wire format (magic byte 0, 4-byte "
                + "schema id, message indexes), schema id 3, PROTOBUF.\nKey: ");
    }
}
