package io.triggerlab.console.workflow;

import io.triggerlab.console.awscheck.FindingRow;
import io.triggerlab.console.destinations.OutboxDelivery;
import io.triggerlab.console.destinations.OutboxRow;
import io.triggerlab.console.invocations.InvocationLine;
import io.triggerlab.console.systemlogs.SystemLogRow;
import io.triggerlab.console.tags.TagRow;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.DestinationConfig;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.LoggingConfig;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.cluster.TestRecord;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's views of AWS's newer trigger features, headless over a real engine and its embedded broker: the "Would
 * this pass on AWS?" tab lists the trigger's findings, an armed fault makes the next invocation fail (visible in the
 * invocations table), the given-up record lands in the destinations outbox, and the inspector colours the event; tags,
 * provisioned pollers and strict mode are set through the wizard, the trigger page and Settings.
 */
class AwsFeaturesWorkflowIT extends ConsoleOnEngine {

    private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:faults-dlq";

    @Test
    void awsCheckListsFindings_anArmedFaultFailsTheNextInvocation_andItsRecordLandsInTheOutbox(FxRobot robot)
            throws Exception {
        open(robot);
        EventSourceMapping mapping = createTrigger();
        await().until(() -> robot.lookup("#trigger-" + mapping.uuid()).tryQuery().isPresent());
        robot.clickOn("#trigger-" + mapping.uuid());
        await().until(() -> "Enabled".equals(console.text("#trigger-badge")));

        // The AWS check: a command target and the unset batching window both differ on AWS.
        console.selectTab("Would this pass on AWS?");
        ListView<FindingRow> findings = robot.lookup("#aws-check-findings").queryListView();
        await().atMost(Duration.ofSeconds(30)).until(() -> ConsoleDriver.onFx(() -> findings.getItems().size()) >= 2);
        assertThat(ConsoleDriver.onFx(() -> List.copyOf(findings.getItems()))).extracting(FindingRow::code)
                .contains("LOCAL_ONLY_FUNCTION_TARGET", "DEFAULT_BATCHING_WINDOW_500_MS");
        assertThat(console.text("#aws-check-summary")).startsWith("AWS would");
        snapshot("aws-check.png");

        // Arm one function error from the console.
        console.selectTab("Inject faults");
        await().until(() -> "Function: faults-fn".equals(console.text("#faults-function")));
        assertThat(console.text("#faults-extra")).isEqualTo("TriggerLab extra — AWS has no such switch");
        console.setText("#faults-count", "1");
        robot.clickOn("#faults-arm");
        await().until(() -> console.text("#faults-armed").startsWith("Armed: the next invocation of faults-fn"));
        assertThat(console.engine().faults().plan("faults-fn")).hasValueSatisfying(p -> assertThat(p.remaining()).isEqualTo(1));
        snapshot("faults.png");

        // The next invocation fails; with no retries its record goes to the (local) destination.
        console.engine().producer().send("it-faults", List.of(new TestRecord(null, null,
                "{\"orderId\":7}".getBytes(StandardCharsets.UTF_8), List.of())));
        await().atMost(Duration.ofSeconds(60)).until(() -> "Nothing armed: faults-fn runs normally."
                .equals(console.text("#faults-armed")));
        console.selectTab("Invocations");
        TableView<InvocationLine> table = robot.lookup("#invocation-table").queryTableView();
        // The batch is one line, its final outcome first; opening it shows the failed attempt.
        await().atMost(Duration.ofSeconds(60)).until(() -> ConsoleDriver.onFx(() -> table.getItems().stream()
                .anyMatch(r -> r.isGroup() && r.row().outcome() == InvocationOutcome.SENT_TO_DESTINATION)));
        assertThat(ConsoleDriver.onFx(() -> table.getItems().get(0).attemptText())).isEqualTo("▸ 1 attempt");
        robot.clickOn("#invocation-table .attempt-toggle");
        await().until(() -> ConsoleDriver.onFx(() -> table.getItems().stream()
                .anyMatch(r -> r.row().outcome() == InvocationOutcome.FUNCTION_ERROR)));
        InvocationLine failed = ConsoleDriver.onFx(() -> table.getItems().stream()
                .filter(r -> r.row().outcome() == InvocationOutcome.FUNCTION_ERROR).findFirst().orElseThrow());
        assertThat(failed.kind()).isEqualTo(InvocationLine.Kind.ATTEMPT);
        assertThat(failed.row().records()).isEqualTo(1);

        // The inspector shows the failed invocation's event syntax-coloured.
        robot.interact(() -> table.getSelectionModel().select(failed));
        ListView<Integer> coloured = robot.lookup("#inspector-event-coloured").queryListView();
        await().until(() -> ConsoleDriver.onFx(() -> colouredKeys(coloured).contains("\"eventSource\"")));

        // The destinations outbox: kept locally (no AWS delivery configured), with AWS's failure record.
        console.selectTab("Destinations");
        assertThat(console.text("#outbox-destination")).isEqualTo("OnFailure destination: " + QUEUE);
        TableView<OutboxRow> outbox = robot.lookup("#outbox-table").queryTableView();
        await().atMost(Duration.ofSeconds(60)).until(() -> ConsoleDriver.onFx(() -> outbox.getItems().size()) == 1);
        OutboxRow delivery = ConsoleDriver.onFx(() -> outbox.getItems().get(0));
        assertThat(delivery.destination()).isEqualTo(QUEUE);
        assertThat(delivery.condition()).isEqualTo("RetryAttemptsExhausted");
        assertThat(delivery.delivery()).isEqualTo(OutboxDelivery.KEPT_LOCALLY);
        assertThat(delivery.records()).isEqualTo(1);
        robot.interact(() -> outbox.getSelectionModel().select(0));
        await().until(() -> console.text("#outbox-record").contains("\"condition\" : \"RetryAttemptsExhausted\""));
        snapshot("destinations.png");

        // The system logs (LoggingConfig WARN): the failed attempt as AWS's ESM_PROCESSING_EVENT, nothing else.
        console.selectTab("System logs");
        assertThat(console.text("#system-logs-configured")).startsWith("SystemLogLevel WARN: the poller writes events");
        TableView<SystemLogRow> logs = robot.lookup("#system-logs-table").queryTableView();
        await().atMost(Duration.ofSeconds(30)).until(() -> ConsoleDriver.onFx(() -> logs.getItems().size()) >= 1);
        assertThat(ConsoleDriver.onFx(() -> List.copyOf(logs.getItems()))).allSatisfy(row -> {
            assertThat(row.eventType()).isEqualTo("ESM_PROCESSING_EVENT");
            assertThat(row.level()).isEqualTo("WARN");
            assertThat(row.json()).contains("\"eventProcessorId\":\"" + mapping.uuid() + "/0\"");
        });
        assertThat(console.text("#system-logs-stream")).endsWith("/" + mapping.uuid());
        console.selectTab("Invocations");
        snapshot("inspector-coloured.png");
    }

    /**
     * Tags, provisioned pollers with a poller group, and strict mode: the wizard creates a trigger with tags and a
     * provisioned poller group and the engine stores both; the Tags tab adds and removes tags (TagResource /
     * UntagResource), the Pollers tab changes MaximumPollers and shows the provisioned-mode metrics; Settings › AWS
     * compatibility turns strict mode on.
     */
    @Test
    void wizardCreatesATaggedProvisionedTrigger_theTabsChangeIt_andSettingsTurnsStrictModeOn(FxRobot robot)
            throws Exception {
        open(robot);
        var engine = console.engine();
        engine.topics().createTopic("it-tagged", 2);
        engine.functions().register(new FunctionDefinition("tagged-fn", new CommandTarget(List.of("cat"), null,
                Map.of()), Duration.ofSeconds(10), engine.config().region(), engine.config().accountId()));

        EventSourceMapping created = createWithTheWizard(robot);
        assertThat(created.provisionedPollerConfig()).isEqualTo(new ProvisionedPollerConfig(1, 3, "it-group"));
        assertThat(engine.client().mappingTags(created.uuid())).containsExactly(Map.entry("env", "dev"),
                Map.entry("team", "payments"));
        String uuid = created.uuid();
        await().atMost(Duration.ofSeconds(60)).until(() -> engine.mappings().get(uuid).state() == MappingState.ENABLED);
        await().until(() -> "Enabled".equals(console.text("#trigger-badge")));

        // Tags tab: the two tags from the wizard; add one, remove one.
        console.selectTab("Tags");
        TableView<TagRow> tags = robot.lookup("#tags-table").queryTableView();
        await().until(() -> ConsoleDriver.onFx(() -> tags.getItems().size()) == 2);
        console.setText("#tags-key", "owner");
        console.setText("#tags-value", "orders-team");
        robot.clickOn("#tags-add");
        await().until(() -> engine.client().mappingTags(uuid).size() == 3);
        assertThat(engine.client().mappingTags(uuid)).containsEntry("owner", "orders-team");
        await().until(() -> "3 tags of at most 50.".equals(console.text("#tags-summary")));
        robot.interact(() -> tags.getSelectionModel().select(new TagRow("env", "dev")));
        robot.clickOn("#tags-remove");
        await().until(() -> !engine.client().mappingTags(uuid).containsKey("env"));
        assertThat(engine.client().mappingTags(uuid)).containsOnlyKeys("owner", "team");

        // Pollers tab: the stored provisioned settings, changed to 4 pollers at most, and the live metrics.
        console.selectTab("Pollers");
        assertThat(console.text("#pollers-mode")).isEqualTo("Provisioned mode: 1 to 3 event pollers, poller group "
                + "it-group.");
        await().until(() -> console.text("#pollers-group-summary").startsWith("Poller group it-group: 1 trigger of "
                + "at most 100, 3 of at most 2,000 MaximumPollers in total."));
        await().atMost(Duration.ofSeconds(30)).until(() -> console.text("#pollers-metrics")
                .startsWith("ProvisionedPollers 1 · EventPollerUnit 0.10 · "));
        console.setText("#pollers-max", "4");
        robot.clickOn("#pollers-save");
        await().until(() -> engine.mappings().get(uuid).provisionedPollerConfig()
                .equals(new ProvisionedPollerConfig(1, 4, "it-group")));
        await().until(() -> "Provisioned mode: 1 to 4 event pollers, poller group it-group."
                .equals(console.text("#pollers-mode")));

        // Settings › AWS compatibility: strict mode applies at once and is kept for the next start.
        assertThat(engine.client().strictAws()).isFalse();
        robot.clickOn("#trigger-list");
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        await().until(() -> console.windowOpen("settings-tabs"));
        javafx.scene.control.TabPane settings = robot.lookup("#settings-tab-pane").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> settings.getSelectionModel().select(settings.getTabs().stream()
                .filter(t -> "settings-tab-aws".equals(t.getId())).findFirst().orElseThrow()));
        await().until(() -> robot.lookup("#settings-strict-aws").query().isVisible());
        robot.clickOn("#settings-strict-aws");
        await().until(() -> engine.client().strictAws());
        assertThat(Files.readString(dataDir.resolve("console.properties"))).contains("aws.strict=true");
        await().until(() -> console.text("#settings-strict-status").startsWith("Strict:"));
    }

    /** Through every step of the wizard, with provisioned pollers in a group and two tags in Additional settings. */
    private EventSourceMapping createWithTheWizard(FxRobot robot) throws Exception {
        robot.clickOn("#trigger-list");
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        await().until(() -> console.windowOpen("trigger-wizard"));
        robot.clickOn("#wizard-next");
        await().until(() -> console.comboValue("#wizard-cluster") != null);
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-batch-window").write("0");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-topic").write("it-tagged");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-position-trim-horizon");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        ComboBox<String> function = robot.lookup("#wizard-function").queryComboBox();
        robot.interact(() -> function.setValue("tagged-fn"));
        robot.clickOn("#wizard-next");

        // Sections below the fold are opened and ticked as a click would, whatever the window's height.
        robot.interact(() -> {
            robot.lookup("#wizard-section-pollers").queryAs(TitledPane.class).setExpanded(true);
            robot.lookup("#wizard-section-tags").queryAs(TitledPane.class).setExpanded(true);
            robot.lookup("#wizard-provisioned").queryAs(CheckBox.class).setSelected(true);
        });
        console.setText("#wizard-min-pollers", "1");
        console.setText("#wizard-max-pollers", "3");
        console.setText("#wizard-poller-group", "it-group");
        console.setText("#wizard-tags", "team=payments\nenv=dev");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        assertThat(console.text("#wizard-review-json")).contains("\"PollerGroupName\" : \"it-group\"",
                "\"MaximumPollers\" : 3", "\"team\" : \"payments\"");
        robot.clickOn("#wizard-create");
        await().until(() -> !console.windowOpen("trigger-wizard"));
        return console.engine().mappings().all().stream().filter(m -> m.topic().equals("it-tagged")).findFirst()
                .orElseThrow();
    }

    /** A command function that echoes the event, and a trigger with no retries and an SQS destination (local outbox). */
    private EventSourceMapping createTrigger() {
        var engine = console.engine();
        engine.topics().createTopic("it-faults", 1);
        engine.functions().register(new FunctionDefinition("faults-fn", new CommandTarget(List.of("cat"), null, Map.of()),
                Duration.ofSeconds(10), engine.config().region(), engine.config().accountId()));
        KafkaCluster sandbox = engine.clusters().list().get(0);
        EventSourceMapping created = engine.mappings().create(CreateEventSourceMappingRequest.builder()
                .functionName("faults-fn").eventSourceArn(sandbox.clusterArn()).topics(List.of("it-faults"))
                .startingPosition("TRIM_HORIZON").batchSize(10).maximumRetryAttempts(0)
                .destinationConfig(DestinationConfig.onFailure(QUEUE)).loggingConfig(new LoggingConfig("WARN"))
                .enabled(true).build());
        await().atMost(Duration.ofSeconds(60)).until(() -> engine.mappings().get(created.uuid()).state() == MappingState.ENABLED);
        return created;
    }

    /** The key runs in the coloured event's lines on screen. */
    private static List<String> colouredKeys(ListView<Integer> coloured) {
        return coloured.lookupAll(".json-line").stream()
                .map(cell -> ((javafx.scene.control.ListCell<?>) cell).getGraphic())
                .filter(graphic -> graphic instanceof javafx.scene.layout.HBox)
                .flatMap(graphic -> ((javafx.scene.layout.HBox) graphic).getChildren().stream())
                .filter(run -> run.getStyleClass().contains("json-key")).map(run -> ((Text) run).getText()).toList();
    }
}
