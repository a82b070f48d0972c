package io.triggerlab.console.inspector;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.invocations.FakeHistory;
import io.triggerlab.console.invocations.InvocationRow;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

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
    void withoutALookup_theMetadataAloneIsSaid() {
        InvocationRecord record = history.add(MAPPING, "batch-1", 1, InvocationOutcome.SUCCESS, 5,
                EVENT.replace("\"dataFormat\":\"AVRO\"", "\"dataFormat\":\"PROTOBUF\""));

        vm.show(InvocationRow.of(record.summary(), ZoneOffset.UTC));
        background.runAll();

        assertThat(vm.schemaNoteProperty().get()).startsWith("Value: Confluent wire format (magic byte 0, 4-byte "
                + "schema id, message indexes), schema id 3, PROTOBUF.\nKey: ");
    }
}
