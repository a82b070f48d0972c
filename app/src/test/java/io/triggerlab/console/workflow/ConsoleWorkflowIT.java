package io.triggerlab.console.workflow;

import io.triggerlab.console.inspector.HeaderRow;
import io.triggerlab.console.invocations.InvocationLine;
import io.triggerlab.console.invocations.InvocationRow;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import javafx.scene.chart.LineChart;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console end to end, headless under Monocle, over a real engine with its embedded broker: walk the "Add trigger"
 * wizard (registering the function inline), produce a record with a header from the producer panel, see the
 * invocation arrive in the table and find the header decoded in the inspector.
 */
class ConsoleWorkflowIT extends ConsoleOnEngine {

    @Test
    void wizardCreatesAWorkingTrigger_andTheInspectorShowsTheRecordsHeaderDecoded(FxRobot robot) throws Exception {
        open(robot);
        console.engine().topics().createTopic("it-orders", 2);

        // Ctrl+N opens the wizard: the Lambda console's MSK form, step by step.
        robot.clickOn("#trigger-list");
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        await().until(() -> console.windowOpen("trigger-wizard"));
        assertThat(console.text("#wizard-page-trigger_type .page-title")).isEqualTo("Trigger type");
        robot.clickOn("#wizard-next");
        await().until(() -> console.comboValue("#wizard-cluster") != null);
        assertThat(console.comboValue("#wizard-cluster")).startsWith("triggerlab-sandbox (embedded sandbox) · 127.0.0.1:");
        robot.clickOn("#wizard-next");

        assertThat(console.text("#wizard-batch-size")).isEqualTo("100");
        console.setText("#wizard-batch-size", "20000");
        assertThat(console.text("#wizard-step-error-batch_size"))
                .isEqualTo("Batch size must be a whole number of records, 1 to 10,000.");
        assertThat(console.text("#wizard-step-detail-batch_size")).isEqualTo("AWS: 1 validation error detected: "
                + "Value '20000' at 'batchSize' failed to satisfy constraint: Member must have value less than or equal "
                + "to 10000");
        robot.clickOn("#wizard-next");
        assertThat(console.text("#wizard-batch-size")).as("Next stays on a step with a problem").isEqualTo("20000");
        console.setText("#wizard-batch-size", "10");
        assertThat(console.text("#wizard-step-error-batch_size")).isEmpty();
        robot.clickOn("#wizard-next");

        robot.clickOn("#wizard-batch-window").write("0");
        robot.clickOn("#wizard-next");

        robot.clickOn("#wizard-topic").write("it-orders");
        await().until(() -> "Topic it-orders has 2 partitions.".equals(console.text("#wizard-topic-note")));
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-position-trim-horizon");
        robot.clickOn("#wizard-next");
        assertThat(console.comboValue("#wizard-auth")).isEqualTo("None (unauthenticated)");
        robot.clickOn("#wizard-next");

        // The function is registered inline: a command target that echoes the event back.
        robot.clickOn("#wizard-register-function");
        await().until(() -> console.windowOpen("function-editor"));
        robot.clickOn("#function-name").write("echo-fn");
        robot.clickOn("#function-command").write("cat");
        robot.clickOn("#function-save");
        await().until(() -> !console.windowOpen("function-editor"));
        assertThat(console.comboValue("#wizard-function")).isEqualTo("echo-fn");
        robot.clickOn("#wizard-next");
        console.setText("#wizard-retries", "2");
        robot.clickOn("#wizard-next");

        ToggleSwitch enable = robot.lookup("#wizard-enable").queryAs(ToggleSwitch.class);
        assertThat(ConsoleDriver.onFx(enable::isSelected)).as("enabled by default, as in the Lambda console").isTrue();
        robot.clickOn("#wizard-next");
        assertThat(console.text("#wizard-review-json")).contains("\"Topics\" : [ \"it-orders\" ]",
                "\"MaximumRetryAttempts\" : 2");
        assertThat(console.text("#wizard-review-cli")).startsWith("aws lambda create-event-source-mapping \\\n"
                + "  --endpoint-url http://127.0.0.1:");
        robot.clickOn("#wizard-create");
        await().until(() -> !console.windowOpen("trigger-wizard"));

        List<EventSourceMapping> mappings = console.engine().mappings().all();
        assertThat(mappings).singleElement().satisfies(m -> {
            assertThat(m.topic()).isEqualTo("it-orders");
            assertThat(m.batchSize()).isEqualTo(10);
            assertThat(m.maximumBatchingWindowInSeconds()).isZero();
            assertThat(m.isMsk()).isTrue();
        });
        String uuid = mappings.get(0).uuid();
        await().until(() -> console.engine().mappings().get(uuid).state() == MappingState.ENABLED);
        await().until(() -> "Enabled".equals(console.text("#trigger-badge")));
        assertThat(console.text("#trigger-title")).isEqualTo("echo-fn");

        // Ctrl+P opens the producer on the selected trigger's topic.
        robot.clickOn("#trigger-title");
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        await().until(() -> console.windowOpen("producer"));
        assertThat(robot.lookup("#produce-topic").queryComboBox().getEditor().getText()).isEqualTo("it-orders");
        console.setText("#produce-key", "order-1");
        console.setText("#produce-value", "{\"orderId\": 1, \"item\": \"grinder\"}");
        robot.clickOn("#produce-add-header");
        console.setText("#produce-header-name-0", "customer");
        console.setText("#produce-header-value-0", "Zoë");
        robot.clickOn("#produce-send");
        await().until(() -> console.text("#produce-result").startsWith("Sent 1 record to it-orders: it-orders-"));
        robot.interact(() -> console.window("producer").hide());

        // The invocation arrives live in the table; the inspector decodes its header.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(console.rows("#invocation-table"))
                .as("rows shown; the engine has %s invocations, mapping %s, %s pollers",
                        console.engine().history().count(uuid), console.engine().mappings().get(uuid),
                        console.engine().pollerCount(uuid))
                .isPositive());
        TableView<InvocationLine> table = robot.lookup("#invocation-table").queryTableView();
        InvocationRow row = ConsoleDriver.onFx(() -> table.getItems().get(0).row());
        assertThat(row.outcome()).isEqualTo(InvocationOutcome.SUCCESS);
        assertThat(row.records()).isEqualTo(1);
        robot.clickOn("#invocation-table .table-row-cell");

        TableView<HeaderRow> headers = robot.lookup("#inspector-headers").queryTableView();
        await().until(() -> ConsoleDriver.onFx(() -> headers.getItems().size()) == 1);
        assertThat(ConsoleDriver.onFx(() -> headers.getItems().get(0)))
                .extracting(HeaderRow::name, HeaderRow::text, HeaderRow::raw)
                .containsExactly("customer", "Zoë", "[90, 111, -61, -85]");
        assertThat(console.text("#inspector-value")).isEqualTo("{\n  \"orderId\" : 1,\n  \"item\" : \"grinder\"\n}");
        robot.clickOn("#inspector-event-plain");
        // The event's text is loaded after the records and headers; wait for it rather than read it at once.
        await().untilAsserted(() -> assertThat(console.text("#inspector-event"))
                .contains("\"eventSource\" : \"aws:kafka\"", "\"customer\" : [ 90, 111, -61, -85 ]"));
        await().untilAsserted(() -> assertThat(console.text("#inspector-response"))
                .contains("\"eventSource\" : \"aws:kafka\""));

        // Replay sends the same event again; the replay arrives in the table as its own row, marked with its original.
        robot.clickOn("#replay-invocation");
        await().atMost(Duration.ofSeconds(30)).until(() -> console.text("#inspector-status").startsWith("Replayed #"
                + row.id() + " as #"));
        await().until(() -> ConsoleDriver.onFx(() -> table.getItems().stream()
                .anyMatch(r -> r.attemptText().equals("Replay of #" + row.id()))));

        // The overview's lag chart follows the live samples: the topic line gets points, the readout the counters.
        await().atMost(Duration.ofSeconds(60)).until(() -> console.text("#lag-counters").endsWith("committed 1"));
        await().atMost(Duration.ofSeconds(60)).until(() -> lagPoints(robot) >= 2);
        // The readout is sampled: a sample taken while the replayed record was in flight may say "0.4 s behind".
        await().atMost(Duration.ofSeconds(30)).until(() -> "Up to date".equals(console.text("#lag-time")));
        assertThat(console.text("#lag-consumers")).isEqualTo("1 consumer");
    }

    /** Points on the lag chart's topic-level line. */
    private static int lagPoints(FxRobot robot) throws Exception {
        LineChart<?, ?> chart = robot.lookup("#lag-chart").queryAs(LineChart.class);
        return ConsoleDriver.onFx(() -> chart.getData().isEmpty() ? 0 : chart.getData().get(0).getData().size());
    }
}
