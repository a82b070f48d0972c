package io.triggerlab.console.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.console.invocations.InvocationLine;
import io.triggerlab.console.producer.ValueEncoding;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.KafkaEventSourceConfig;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.controlplane.mapping.SchemaRegistryConfig;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.observe.history.InvocationSummary;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Producer → function with Avro, headless over a real engine, its broker and its sandbox registry: the producer
 * registers the schema, refuses a value that does not fit (nothing sent), encodes and frames the good ones; the
 * trigger's schema stage decodes them; the function gets JSON with Lambda's schema metadata; the inspector says how
 * the record was framed.
 */
@ExtendWith(ApplicationExtension.class)
class SchemaProducerWorkflowIT {

    private static final String TOPIC = "it-avro-orders";
    private static final String AVSC = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"it\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"amount\",\"type\":\"double\"}]}";

    private ConsoleDriver console;

    @Test
    void avroValuesFromTheProducer_reachTheFunctionDecoded_andTheInspectorNamesTheirFraming(FxRobot robot,
                                                                                            @TempDir Path dataDir)
            throws Exception {
        // TestFX's shared primary stage, taken here rather than in a @Start method
        console = new ConsoleDriver(robot, FxToolkit.registerPrimaryStage()).open(dataDir);
        try {
            producerToFunction(robot);
        } finally {
            console.close();
        }
    }

    private void producerToFunction(FxRobot robot) throws Exception {
        var engine = console.engine();
        String registry = engine.sandboxSchemaRegistry().orElseThrow().toString();
        engine.topics().createTopic(TOPIC, 1);
        engine.client().registerFunction(new FunctionDefinition("avro-echo", new CommandTarget(List.of("cat"), null,
                Map.of()), Duration.ofSeconds(10), engine.config().region(), engine.config().accountId()));
        EventSourceMapping mapping = engine.client().createMapping(CreateEventSourceMappingRequest.builder()
                .functionName("avro-echo").eventSourceArn(engine.clusters().list().get(0).clusterArn())
                .topics(List.of(TOPIC)).startingPosition("TRIM_HORIZON").batchSize(10)
                .maximumBatchingWindowInSeconds(0)
                .provisionedPollerConfig(new ProvisionedPollerConfig(1, 1, null))
                .amazonManagedKafkaEventSourceConfig(new KafkaEventSourceConfig(null, new SchemaRegistryConfig(registry,
                        "JSON", List.of(), List.of(new SchemaRegistryConfig.ValidationConfig("VALUE")))))
                .build());
        await().atMost(Duration.ofSeconds(60)).until(() ->
                engine.mappings().get(mapping.uuid()).state() == MappingState.ENABLED);

        // Ctrl+P opens the producer on the selected trigger's topic; Avro fills in the sandbox registry and subject.
        robot.clickOn("#trigger-" + mapping.uuid());
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        await().until(() -> console.windowOpen("producer"));
        ChoiceBox<ValueEncoding> encoding = robot.lookup("#produce-encoding").queryAs(ChoiceBox.class);
        robot.interact(() -> encoding.setValue(ValueEncoding.AVRO));
        await().until(() -> registry.equals(console.text("#produce-registry")));
        // the subject is filled in once the registry's subjects come back: wait for it like the registry line
        await().untilAsserted(() -> assertThat(robot.lookup("#produce-subject").queryComboBox().getEditor().getText())
                .isEqualTo(TOPIC + "-value"));
        console.setText("#produce-schema", AVSC);

        console.setText("#produce-value", "{\"id\": {n}, \"amount\": \"lots\"}");
        robot.clickOn("#produce-send");
        await().until(() -> String.valueOf(console.text("#produce-error"))
                .contains("The value at $.amount must be a double, but it is string \"lots\""));

        console.setText("#produce-value", "{\"id\": {n}, \"amount\": 12.5}");
        console.setText("#produce-count", "3");
        robot.clickOn("#produce-send");
        await().until(() -> String.valueOf(console.text("#produce-result")).startsWith("Sent 3 records to " + TOPIC));
        assertThat(console.text("#produce-result")).matches(".*\\(Confluent wire format, schema id \\d+, subject "
                + TOPIC + "-value, AVRO\\)");
        robot.interact(() -> console.window("producer").hide());

        // The function got the decoded values as JSON, with Lambda's schema metadata; the bad value never went out.
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered(mapping) == 3);
        JsonNode records = event(mapping).path("records").path(TOPIC + "-0");
        assertThat(records).hasSize(3);
        assertThat(new String(Base64.getDecoder().decode(records.get(0).path("value").asText()), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":1,\"amount\":12.5}");
        assertThat(records.get(2).path("valueSchemaMetadata").path("dataFormat").asText()).isEqualTo("AVRO");
        assertThat(records.get(0).path("offset").asLong()).as("the refused value sent nothing").isZero();

        // The inspector names the framing the record had in Kafka, its subject and how the function got it.
        await().until(() -> console.rows("#invocation-table") >= 1);
        TableView<InvocationLine> table = robot.lookup("#invocation-table").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(table.getItems().size() - 1));
        await().untilAsserted(() -> assertThat(console.text("#inspector-schema-note"))
                .startsWith("Value: Confluent wire format (magic byte 0, 4-byte schema id), schema id ")
                .contains("subject " + TOPIC + "-value, AVRO.")
                .endsWith("The function got the decoded record as JSON (EventRecordFormat JSON)."));
        assertThat(console.text("#inspector-value")).isEqualTo("{\n  \"id\" : 1,\n  \"amount\" : 12.5\n}");
        // The raw bytes, read back from the broker: Confluent framing, then the Avro body of {"id":1,"amount":12.5}
        // (zigzag long 1 = 02, then the double 12.5 little-endian).
        int schemaId = records.get(0).path("valueSchemaMetadata").path("schemaId").asInt();
        await().untilAsserted(() -> assertThat(console.text("#inspector-raw-bytes")).isEqualTo(
                "Raw value bytes in Kafka (14 bytes):\n"
                        + "  00 | magic byte (Confluent)\n"
                        + "  " + java.util.HexFormat.ofDelimiter(" ").formatHex(
                                java.nio.ByteBuffer.allocate(4).putInt(schemaId).array())
                        + " | schema id " + schemaId + " (big-endian)\n"
                        + "  payload: 9 bytes | 02 00 00 00 00 00 00 29 40"));
    }

    private int delivered(EventSourceMapping mapping) {
        return console.engine().history().list(HistoryQuery.ofMapping(mapping.uuid(), 10)).stream()
                .mapToInt(InvocationSummary::recordCount).sum();
    }

    private JsonNode event(EventSourceMapping mapping) throws Exception {
        long id = console.engine().history().list(HistoryQuery.ofMapping(mapping.uuid(), 10)).get(0).id();
        return new ObjectMapper().readTree(console.engine().history().get(id).orElseThrow().payload());
    }
}
