package io.triggerlab.console.workflow;

import io.triggerlab.console.invocations.InvocationLine;
import io.triggerlab.console.settings.TargetKind;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.cluster.TestRecord;
import io.triggerlab.engine.invoke.function.LambdaRuntime;
import io.triggerlab.engine.invoke.function.RuntimeTarget;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Python handler registered from the console's function editor (Lambda runtime python3.12, TriggerLab's
 * bundled client), headless over a real engine and its embedded broker: the editor refuses a handler that does not
 * fit the runtime and warns about missing code before storing anything; the trigger's records reach the handler in
 * one warm execution environment (its module-level counter reads 1, then 2); the inspector's "Function logs" tab reads
 * like CloudWatch, with Lambda's START, END and REPORT lines (Init Duration on the first).
 */
class RuntimeFunctionWorkflowIT extends ConsoleOnEngine {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String HANDLER = """
            count = 0

            def handler(event, context):
                global count
                count += 1
                records = sum(len(batch) for batch in event["records"].values())
                print(f"invocation {count} of {context.function_name}: {records} record(s)")
                return {"count": count, "records": records}
            """;

    @Test
    void registersAPythonHandlerInTheEditor_runsItWarm_andTheLogsTabReadsLikeCloudWatch(FxRobot robot) throws Exception {
        open(robot);
        Path code = Files.createDirectories(dataDir.resolve("orders-py"));
        Files.writeString(code.resolve("app.py"), HANDLER, StandardCharsets.UTF_8);

        registerInTheEditor(robot, code);
        assertThat(console.engine().functions().find("orders-py")).hasValueSatisfying(f -> {
            RuntimeTarget target = (RuntimeTarget) f.target();
            assertThat(target.runtime()).isEqualTo(LambdaRuntime.PYTHON_3_12);
            assertThat(target.handler()).isEqualTo("app.handler");
            assertThat(target.memorySize()).isEqualTo(256);
            assertThat(target.environment()).isEqualTo(Map.of("STAGE", "test"));
            assertThat(f.timeout()).isEqualTo(Duration.ofSeconds(10));
        });

        EventSourceMapping mapping = createTrigger();
        await().until(() -> robot.lookup("#trigger-" + mapping.uuid()).tryQuery().isPresent());
        robot.clickOn("#trigger-" + mapping.uuid());
        await().until(() -> "Enabled".equals(console.text("#trigger-badge")));

        // Two batches, one after the other: the same warm environment counts 1, then 2.
        send(1);
        await().atMost(WAIT).until(() -> console.engine().history().count(mapping.uuid()) == 1);
        send(2);
        await().atMost(WAIT).until(() -> console.engine().history().count(mapping.uuid()) == 2);

        TableView<InvocationLine> table = robot.lookup("#invocation-table").queryTableView();
        await().atMost(WAIT).until(() -> ConsoleDriver.onFx(() -> table.getItems().size()) == 2);
        assertThat(ConsoleDriver.onFx(() -> table.getItems().stream().map(l -> l.row().outcome()).toList()))
                .containsOnly(InvocationOutcome.SUCCESS);
        // Newest first: the second invocation, warm.
        robot.interact(() -> table.getSelectionModel().select(0));
        await().untilAsserted(() -> assertThat(console.text("#inspector-response")).contains("\"count\" : 2"));
        selectTab(robot, "Function logs");
        await().untilAsserted(() -> assertThat(console.text("#inspector-logs"))
                .contains("invocation 2 of orders-py: 1 record(s)").containsPattern("(?m)^START RequestId: \\S+")
                .containsPattern("(?m)^END RequestId: \\S+")
                .containsPattern("(?m)^REPORT RequestId: \\S+\\tDuration: [0-9.]+ ms\\tBilled Duration: \\d+ ms\\t"
                        + "Memory Size: 256 MB\\tMax Memory Used: \\d+ MB")
                .doesNotContain("Init Duration"));

        // The first invocation started the environment: its REPORT carries the Init Duration.
        robot.interact(() -> table.getSelectionModel().select(1));
        await().untilAsserted(() -> assertThat(console.text("#inspector-logs"))
                .contains("invocation 1 of orders-py: 1 record(s)").containsPattern("Init Duration: [0-9.]+ ms"));
        // Wide enough that each REPORT line reads on one row, as in CloudWatch.
        robot.interact(() -> {
            stage.setWidth(1700);
            stage.setHeight(1000);
        });
        snapshot("function-logs.png");
    }

    /** Settings › Functions › Register…: a Lambda runtime with a wrong handler, then missing code, then right. */
    private void registerInTheEditor(FxRobot robot, Path code) throws Exception {
        robot.clickOn("#trigger-list");
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        await().until(() -> console.windowOpen("settings-tabs"));
        robot.clickOn("#settings-tab-functions");
        robot.clickOn("#function-add");
        await().until(() -> console.windowOpen("function-editor"));
        ChoiceBox<TargetKind> kind = robot.lookup("#function-kind").queryAs(ChoiceBox.class);
        robot.interact(() -> kind.setValue(TargetKind.RUNTIME));
        assertThat(console.comboValue("#function-runtime")).isEqualTo("python3.12");
        console.setText("#function-name", "orders-py");
        console.setText("#function-runtime-handler", "app");
        console.setText("#function-code", code.resolveSibling("no-such-dir").toString());
        console.setText("#function-memory", "256");
        console.setText("#function-environment", "STAGE=test");
        console.setText("#function-timeout", "10");
        robot.clickOn("#function-save");
        assertThat(console.text("#function-error")).startsWith("Handler 'app' does not fit python3.12: it takes "
                + "file.function");

        console.setText("#function-runtime-handler", "app.handler");
        robot.clickOn("#function-save");
        await().untilAsserted(() -> assertThat(console.text("#function-runtime-warning"))
                .startsWith("The code of function 'orders-py' is missing: ")
                .endsWith("Press Register again to store the function as it is."));
        assertThat(console.engine().functions().find("orders-py")).as("nothing stored yet").isEmpty();

        console.setText("#function-code", code.toString());
        robot.clickOn("#function-save");
        await().until(() -> !console.windowOpen("function-editor"));
        robot.interact(() -> console.window("settings-tabs").hide());
    }

    private EventSourceMapping createTrigger() {
        var engine = console.engine();
        engine.topics().createTopic("it-runtime", 1);
        KafkaCluster sandbox = engine.clusters().list().get(0);
        EventSourceMapping created = engine.mappings().create(CreateEventSourceMappingRequest.builder()
                .functionName("orders-py").eventSourceArn(sandbox.clusterArn()).topics(List.of("it-runtime"))
                .startingPosition("TRIM_HORIZON").batchSize(10).maximumBatchingWindowInSeconds(0).enabled(true).build());
        await().atMost(WAIT).until(() -> engine.mappings().get(created.uuid()).state() == MappingState.ENABLED);
        return created;
    }

    private void send(int orderId) {
        console.engine().producer().send("it-runtime", List.of(new TestRecord(null, null,
                ("{\"orderId\":" + orderId + "}").getBytes(StandardCharsets.UTF_8), List.of())));
    }

    private static void selectTab(FxRobot robot, String title) {
        robot.interact(() -> robot.lookup(".tab-pane").queryAllAs(TabPane.class).forEach(tabs -> {
            for (Tab tab : tabs.getTabs()) {
                if (tab.getText().equals(title)) {
                    tabs.getSelectionModel().select(tab);
                }
            }
        }));
    }

}
