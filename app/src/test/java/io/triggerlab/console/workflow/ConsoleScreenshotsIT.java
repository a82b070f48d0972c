package io.triggerlab.console.workflow;

import io.triggerlab.console.demo.DemoSetup;
import io.triggerlab.console.trigger.TriggerPageView;
import io.triggerlab.console.inspector.RecordRow;
import io.triggerlab.console.invocations.InvocationLine;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.infra.cluster.TestRecord;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.DestinationConfig;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Regenerates {@code screenshots/*.png} from the real console with real data: the sandbox broker, the demo functions,
 * 300 order records, a failing payments trigger. Runs only when {@code -Dconsole.screenshotDir=DIR} is set; the
 * {@code screenshots} Maven profile sets it to the repository's {@code screenshots/} directory:
 * <pre>./mvnw -B -pl app -am verify -Pscreenshots -DskipTests</pre>
 */
class ConsoleScreenshotsIT extends ConsoleOnEngine {

    static final String DIR_PROPERTY = "console.screenshotDir";

    @Test
    void regeneratesTheScreenshotsFromTheRealConsole(FxRobot robot) throws Exception {
        String dir = System.getProperty(DIR_PROPERTY, "");
        assumeThat(dir).as("set -D" + DIR_PROPERTY + "=DIR (the screenshots profile does)").isNotBlank();
        Path out = Path.of(dir);
        open(robot);

        fireMenuItem(robot, "menu-demo");
        await().atMost(Duration.ofMinutes(1)).until(() -> console.engine().mappings().all().size() == 4);
        EventSourceMapping orders = mapping(DemoSetup.ORDERS_TOPIC);
        EventSourceMapping payments = mapping(DemoSetup.PAYMENTS_TOPIC);
        await().atMost(Duration.ofMinutes(1)).until(() -> successes(orders) >= 3);
        await().atMost(Duration.ofMinutes(1)).until(() -> console.engine().history().count(payments.uuid()) >= 3
                && console.engine().mappings().get(payments.uuid()).lastProcessingResult().startsWith("PROBLEM"));

        // Main window: the working trigger, its invocations, the first batch in the inspector.
        select(robot, orders);
        await().until(() -> console.rows("#invocation-table") >= 3);
        TableView<InvocationLine> table = robot.lookup("#invocation-table").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(table.getItems().size() - 1));
        TableView<RecordRow> records = robot.lookup("#inspector-records").queryTableView();
        await().until(() -> ConsoleDriver.onFx(() -> records.getItems().size()) == 100);
        robot.interact(() -> records.getSelectionModel().select(1));
        console.snapshot(stage, out.resolve("main-window.png"));

        // An Avro record in the inspector: the framing it had in Kafka, the schema's subject, the value as the function
        // got it (decoded to JSON by the trigger's schema registry stage).
        EventSourceMapping shipments = mapping(DemoSetup.SHIPMENTS_TOPIC);
        await().atMost(Duration.ofMinutes(1)).until(() -> successes(shipments) >= 1);
        select(robot, shipments);
        await().until(() -> console.rows("#invocation-table") >= 1);
        robot.interact(() -> table.getSelectionModel().select(table.getItems().size() - 1));
        await().until(() -> ConsoleDriver.onFx(() -> records.getItems().size()) > 0);
        robot.interact(() -> records.getSelectionModel().select(0));
        await().until(() -> String.valueOf(console.text("#inspector-schema-note"))
                .contains("subject " + DemoSetup.SHIPMENTS_SUBJECT));
        javafx.scene.control.SplitPane recordSplit = robot.lookup("#inspector-record-split").queryAs(
                javafx.scene.control.SplitPane.class);
        double[] dividers = ConsoleDriver.onFx(recordSplit::getDividerPositions);
        robot.interact(() -> recordSplit.setDividerPositions(0.22, 0.34));
        console.snapshot(stage, out.resolve("inspector-avro.png"));
        robot.interact(() -> recordSplit.setDividerPositions(dividers));
        select(robot, orders);
        await().until(() -> console.rows("#invocation-table") >= 3);
        robot.interact(() -> table.getSelectionModel().select(table.getItems().size() - 1));
        await().until(() -> ConsoleDriver.onFx(() -> records.getItems().size()) == 100);

        // The inspector's Event tab: the whole event syntax-coloured, a record's value wrapped at 120 characters.
        selectTab(robot, "#inspector-output", "Event");
        ListView<Integer> event = robot.lookup("#inspector-event-coloured").queryListView();
        await().until(() -> ConsoleDriver.onFx(() -> event.getItems().size()) > 100);
        robot.interact(() -> event.scrollTo(12));
        console.snapshot(stage, out.resolve("inspector-event.png"));

        // Inspector on the failing trigger: a retried batch opened to its attempts, the function's error and logs.
        select(robot, payments);
        await().until(() -> ConsoleDriver.onFx(() -> !table.getItems().isEmpty() && table.getItems().get(0).isGroup()));
        robot.clickOn("#invocation-table .attempt-toggle");
        await().until(() -> console.rows("#invocation-table") >= 2);
        robot.interact(() -> table.getSelectionModel().select(0));
        await().until(() -> console.text("#inspector-attempts").startsWith("Attempts at this batch: #1"));
        selectTab(robot, "#inspector-output", "Response");
        console.snapshot(stage, out.resolve("inspector.png"));

        // Trigger page: the PROBLEM with its explanation.
        selectTab(robot, "#trigger-tabs", "Overview");
        await().until(() -> console.text("#problem-title").startsWith("The function failed"));
        // Enough live lag samples (one per 5 s) for a line, not a dot.
        LineChart<?, ?> lagChart = robot.lookup("#lag-chart").queryAs(LineChart.class);
        await().atMost(Duration.ofMinutes(1)).until(() -> ConsoleDriver.onFx(() -> lagChart.getData().isEmpty() ? 0
                : lagChart.getData().get(0).getData().size()) >= 4);
        scrollToLagChart(robot);
        console.snapshot(stage, out.resolve("trigger-page.png"));
        selectTab(robot, "#trigger-tabs", "Invocations");

        // The wizard, at the topic step with the cluster's topics suggested.
        fireMenuItem(robot, "menu-new-trigger");
        await().until(() -> console.windowOpen("trigger-wizard"));
        await().until(() -> console.comboValue("#wizard-cluster") != null);
        for (int i = 0; i < 4; i++) {
            robot.clickOn("#wizard-next");
        }
        robot.clickOn("#wizard-topic").write(DemoSetup.ORDERS_TOPIC);
        await().until(() -> console.text("#wizard-topic-note").contains("3 partitions"));
        console.snapshot(console.window("trigger-wizard"), out.resolve("wizard.png"));
        // On to Review: the exact request and its AWS CLI form.
        for (int i = 0; i < 8 && !ConsoleDriver.onFx(() -> robot.lookup("#wizard-page-review").query().isVisible()); i++) {
            if (ConsoleDriver.onFx(() -> robot.lookup("#wizard-page-function").query().isVisible())) {
                javafx.scene.control.ComboBox<String> function = robot.lookup("#wizard-function").queryComboBox();
                robot.interact(() -> function.getSelectionModel().select(DemoSetup.SUMMARY_FUNCTION));
            }
            robot.clickOn("#wizard-next");
        }
        console.snapshot(console.window("trigger-wizard"), out.resolve("wizard-review.png"));
        robot.clickOn("#wizard-cancel");

        // The producer, after sending records with headers.
        select(robot, orders);
        fireMenuItem(robot, "menu-produce");
        await().until(() -> console.windowOpen("producer"));
        console.setText("#produce-key", "order-{n}");
        console.setText("#produce-value", "{\n  \"orderId\": {n},\n  \"customer\": \"Zoë Martin\",\n  \"item\": \"kettle\"\n}");
        robot.clickOn("#produce-add-header");
        console.setText("#produce-header-name-0", "trace-id");
        console.setText("#produce-header-value-0", "demo-{n}");
        robot.clickOn("#produce-add-header");
        console.setText("#produce-header-name-1", "customer-name");
        console.setText("#produce-header-value-1", "Zoë Martin");
        console.setText("#produce-count", "5");
        robot.clickOn("#produce-send");
        await().until(() -> console.text("#produce-result").startsWith("Sent 5 records to demo-orders"));
        console.snapshot(console.window("producer"), out.resolve("producer.png"));

        robot.interact(() -> console.window("producer").hide());

        // Settings › Clusters: the sandbox registered as an MSK cluster, and the cluster in use.
        fireMenuItem(robot, "menu-settings");
        await().until(() -> console.windowOpen("settings-tabs"));
        selectTab(robot, "#settings-tab-pane", "Clusters");
        await().until(() -> console.rows("#clusters-table") >= 1);
        console.snapshot(console.window("settings-tabs"), out.resolve("settings-clusters.png"));
        robot.interact(() -> console.window("settings-tabs").hide());

        // A refunds trigger with no retries and an on-failure destination: its AWS check and its outbox.
        EventSourceMapping refunds = refundsTrigger();
        await().until(() -> robot.lookup("#trigger-" + refunds.uuid()).tryQuery().isPresent());
        select(robot, refunds);
        selectTab(robot, "#trigger-tabs", "Would this pass on AWS?");
        ListView<?> findings = robot.lookup("#aws-check-findings").queryListView();
        await().atMost(Duration.ofSeconds(30)).until(() -> ConsoleDriver.onFx(() -> findings.getItems().size()) >= 3);
        console.snapshot(stage, out.resolve("aws-check.png"));
        selectTab(robot, "#trigger-tabs", "Destinations");
        TableView<?> outbox = robot.lookup("#outbox-table").queryTableView();
        await().atMost(Duration.ofMinutes(1)).until(() -> ConsoleDriver.onFx(() -> outbox.getItems().size()) >= 1);
        robot.interact(() -> outbox.getSelectionModel().select(0));
        console.snapshot(stage, out.resolve("destinations.png"));

        assertThat(out.resolve("main-window.png")).exists();
    }

    /** The always-failing payment function on a refunds topic: no retries, given-up records to an SQS queue. */
    private EventSourceMapping refundsTrigger() {
        var engine = console.engine();
        engine.topics().createTopic("demo-refunds", 1);
        EventSourceMapping created = engine.mappings().create(CreateEventSourceMappingRequest.builder()
                .functionName(DemoSetup.PAYMENT_FUNCTION).eventSourceArn(engine.clusters().list().get(0).clusterArn())
                .topics(List.of("demo-refunds")).startingPosition("TRIM_HORIZON").batchSize(10)
                .maximumRetryAttempts(0)
                .destinationConfig(DestinationConfig.onFailure("arn:aws:sqs:us-east-1:000000000000:demo-refunds-dlq"))
                .enabled(true).build());
        engine.producer().send("demo-refunds", List.of(new TestRecord(null,
                "refund-1".getBytes(StandardCharsets.UTF_8),
                "{\"refundId\":1,\"orderId\":1004,\"amount\":\"19.90\"}".getBytes(StandardCharsets.UTF_8), List.of())));
        return created;
    }

    private long successes(EventSourceMapping mapping) {
        return console.engine().history().list(io.triggerlab.engine.observe.history.HistoryQuery.ofMapping(mapping.uuid(), 100)
                .withOutcome(InvocationOutcome.SUCCESS)).size();
    }

    private EventSourceMapping mapping(String topic) {
        return console.engine().mappings().all().stream().filter(m -> m.topic().equals(topic)).findFirst().orElseThrow();
    }

    private void select(FxRobot robot, EventSourceMapping mapping) throws Exception {
        ListView<?> list = robot.lookup("#trigger-list").queryListView();
        robot.clickOn("#trigger-" + mapping.uuid());
        await().until(() -> ConsoleDriver.onFx(() -> list.getSelectionModel().getSelectedItem() != null)
                && mapping.uuid().equals(ConsoleDriver.onFx(() -> ((io.triggerlab.console.triggers.TriggerRow)
                list.getSelectionModel().getSelectedItem()).uuid())));
    }

    /** Scrolls the overview so the lag chart shows in full, with as much of the PROBLEM above it as fits. */
    private static void scrollToLagChart(FxRobot robot) {
        Node content = robot.lookup("#trigger-overview").query();
        ScrollPane scroll = robot.lookup(n -> n instanceof ScrollPane && ((ScrollPane) n).getContent() == content)
                .queryAs(ScrollPane.class);
        Node slot = robot.lookup("#" + TriggerPageView.LAG_CHART_SLOT_ID).query();
        robot.interact(() -> {
            Bounds lag = content.sceneToLocal(slot.localToScene(slot.getBoundsInLocal()));
            double hidden = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            if (hidden > 0) {
                double below = lag.getMaxY() + 16 - scroll.getViewportBounds().getHeight();
                scroll.setVvalue(Math.max(0, Math.min(1, below / hidden)));
            }
        });
    }

    private static void selectTab(FxRobot robot, String tabPane, String title) {
        TabPane tabs = robot.lookup(tabPane).queryAs(TabPane.class);
        robot.interact(() -> {
            for (Tab tab : tabs.getTabs()) {
                if (tab.getText().equals(title)) {
                    tabs.getSelectionModel().select(tab);
                }
            }
        });
    }

    /** Menus open popups that Monocle's robot handles poorly; firing the item runs the same action. */
    private static void fireMenuItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        robot.interact(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId())).findFirst().ifPresent(MenuItem::fire));
    }
}
