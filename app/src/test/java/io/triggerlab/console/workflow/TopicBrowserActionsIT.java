package io.triggerlab.console.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.console.browser.TriggerChoice;
import io.triggerlab.console.demo.DemoSetup;
import io.triggerlab.console.inspector.RecordRow;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.infra.cluster.RecordQuery;
import io.triggerlab.engine.infra.cluster.StoredRecord;
import io.triggerlab.engine.observe.history.InvocationRecord;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The topic browser's record actions on the real engine and broker, with the demo's triggers: "Send to function"
 * invokes the orders trigger's function once with a one-record event holding exactly the chosen record (a history row
 * marked as a test event); "Produce again" fills the producer with the record, whose Send writes a
 * new record with the same key, value and headers.
 */
class TopicBrowserActionsIT extends RealConsoleIT {

    @Start
    void start(Stage stage) {
        useStage(stage);
    }

    private static final Pattern INVOCATION = Pattern.compile("invocation #(\\d+)");

    @Test
    void sendsARecordToTheFunction_andProducesItAgain(FxRobot robot) throws Exception {
        openConsole(robot);
        fireMenuItem(robot, "menu-demo");
        await().atMost(Duration.ofMinutes(1)).until(() -> console.engine().mappings().all().size() >= 3);
        EventSourceMapping orders = console.engine().mappings().all().stream()
                .filter(m -> m.topic().equals(DemoSetup.ORDERS_TOPIC)).findFirst().orElseThrow();
        await().until(() -> robot.lookup("#trigger-" + orders.uuid()).tryQuery().isPresent());
        robot.clickOn("#trigger-" + orders.uuid());

        fireMenuItem(robot, "menu-browse");
        await().until(() -> console.windowOpen("topic-browser"));
        console.setText("#browse-topic .text-field", DemoSetup.ORDERS_TOPIC);
        robot.clickOn("#browse-read");
        await().atMost(Duration.ofSeconds(30)).until(() -> console.rows("#browse-records") > 0);
        TableView<RecordRow> records = robot.lookup("#browse-records").queryTableView();
        robot.interact(() -> records.getSelectionModel().select(0));
        RecordRow chosen = ConsoleDriver.onFx(() -> records.getItems().get(0));
        StoredRecord original = readBack(chosen);

        ComboBox<TriggerChoice> trigger = robot.lookup("#browse-send-trigger").queryComboBox();
        await().until(() -> ConsoleDriver.onFx(() -> trigger.getItems().size()) == 1);
        assertThat(ConsoleDriver.onFx(() -> trigger.getValue().mappingUuid())).isEqualTo(orders.uuid());
        robot.clickOn("#browse-send");
        await().atMost(Duration.ofSeconds(30)).until(() -> String.valueOf(console.text("#browse-action-message"))
                .startsWith("Sent offset " + chosen.offset()));
        Matcher id = INVOCATION.matcher(console.text("#browse-action-message"));
        assertThat(id.find()).isTrue();
        InvocationRecord sent = console.engine().history().get(Long.parseLong(id.group(1))).orElseThrow();
        assertThat(sent.mappingUuid()).isEqualTo(orders.uuid());
        assertThat(sent.batchId()).startsWith("test-event-");
        assertThat(sent.recordCount()).isEqualTo(1);
        JsonNode event = new ObjectMapper().readTree(sent.payload());
        JsonNode batch = event.get("records").get(chosen.topicPartition());
        assertThat(batch).hasSize(1);
        assertThat(batch.get(0).get("offset").asLong()).isEqualTo(chosen.offset());
        assertThat(batch.get(0).get("value").asText()).isEqualTo(chosen.value().base64());

        robot.clickOn("#browse-produce-again");
        await().until(() -> console.windowOpen("producer"));
        String valueText = new String(original.value(), StandardCharsets.UTF_8);
        assertThat(console.text("#produce-value")).isEqualTo(valueText);
        assertThat(console.text("#produce-key")).isEqualTo(new String(original.key(), StandardCharsets.UTF_8));
        assertThat(console.text("#produce-partition")).isEqualTo(String.valueOf(original.partition()));
        assertThat(console.text("#produce-header-name-0")).isEqualTo(original.headers().get(0).name());
        robot.clickOn("#produce-send");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            StoredRecord newest = newestOf(original.partition());
            return newest.offset() > original.offset() && new String(newest.value(), StandardCharsets.UTF_8).equals(valueText);
        });
        StoredRecord again = newestOf(original.partition());
        assertThat(again.key()).isEqualTo(original.key());
        assertThat(again.headers()).hasSameSizeAs(original.headers());
        for (int i = 0; i < original.headers().size(); i++) {
            assertThat(again.headers().get(i).name()).isEqualTo(original.headers().get(i).name());
            assertThat(again.headers().get(i).value()).isEqualTo(original.headers().get(i).value());
        }
    }

    private StoredRecord readBack(RecordRow row) {
        int partition = Integer.parseInt(row.topicPartition().substring(row.topicPartition().lastIndexOf('-') + 1));
        return console.engine().client().readRecords(new RecordQuery(DemoSetup.ORDERS_TOPIC, partition, row.offset(),
                null, false, 1)).get(0);
    }

    private StoredRecord newestOf(int partition) {
        List<StoredRecord> newest = console.engine().client().readRecords(new RecordQuery(DemoSetup.ORDERS_TOPIC,
                partition, null, null, true, 1));
        return newest.get(0);
    }
}
