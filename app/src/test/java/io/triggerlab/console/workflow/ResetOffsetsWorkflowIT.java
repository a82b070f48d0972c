package io.triggerlab.console.workflow;

import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.cluster.TestRecord;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Reset offsets…" from the trigger page, headless over a real engine and its embedded broker: a trigger that has
 * delivered N records is disabled, reset to Earliest (confirmed in the dialog, per-partition result shown), enabled
 * again, and its function receives the same N records a second time. The function is a command that appends every
 * event it receives to a file, so the records are counted where the function got them.
 */
class ResetOffsetsWorkflowIT extends ConsoleOnEngine {

    private static final int RECORDS = 25;
    private static final Pattern OFFSET = Pattern.compile("\"offset\":(\\d+)");

    @TempDir
    Path functionDir;

    @Test
    void resetToEarliest_redeliversEveryRecordOnce_afterTheTriggerIsEnabledAgain(FxRobot robot) throws Exception {
        open(robot);
        Path received = functionDir.resolve("events.jsonl");
        EventSourceMapping mapping = createTrigger(received);
        List<TestRecord> records = new ArrayList<>();
        IntStream.range(0, RECORDS).forEach(i -> records.add(new TestRecord(null, null,
                ("{\"orderId\":" + i + "}").getBytes(StandardCharsets.UTF_8), List.of())));
        console.engine().producer().send("it-reset", records);
        await().atMost(Duration.ofSeconds(90)).until(() -> offsetsReceived(received).size() == RECORDS);

        // Disable it from the trigger page once everything delivered is committed.
        await().until(() -> robot.lookup("#trigger-" + mapping.uuid()).tryQuery().isPresent());
        robot.clickOn("#trigger-" + mapping.uuid());
        await().atMost(Duration.ofSeconds(60)).until(() -> String.valueOf(console.text("#lag-counters"))
                .endsWith("committed " + RECORDS));
        await().until(() -> "Disable".equals(console.text("#toggle-trigger")));
        robot.clickOn("#toggle-trigger");
        await().atMost(Duration.ofSeconds(60)).until(() -> "Disabled".equals(console.text("#trigger-badge")));

        // Reset offsets… → Earliest → confirm → the per-partition result.
        await().until(() -> !ConsoleDriver.onFx(() -> robot.lookup("#reset-offsets").queryButton().isDisabled()));
        robot.clickOn("#reset-offsets");
        await().until(() -> console.windowOpen("offset-reset"));
        robot.clickOn("#reset-earliest");
        await().until(() -> String.valueOf(console.text("#reset-confirmation")).startsWith("Records from the earliest"));
        robot.clickOn("#reset-confirm");
        Button confirm = await().until(() -> robot.lookup(ResetOffsetsWorkflowIT::isConfirmButton).tryQuery(),
                java.util.Optional::isPresent).map(n -> (Button) n).orElseThrow();
        robot.clickOn(confirm);
        await().atMost(Duration.ofSeconds(30)).until(() -> !String.valueOf(console.text("#reset-result")).isEmpty());
        assertThat(console.text("#reset-result")).contains("Partition 0: " + RECORDS + " → 0 (" + RECORDS
                + " records again)").endsWith("Enable the trigger to deliver from there.");
        assertThat(offsetsReceived(received)).hasSize(RECORDS);
        robot.clickOn("#reset-close");
        await().until(() -> !console.windowOpen("offset-reset"));

        // Enabled again, the function gets the same records once more, and no more than that.
        robot.clickOn("#toggle-trigger");
        await().atMost(Duration.ofSeconds(60)).until(() -> "Enabled".equals(console.text("#trigger-badge")));
        await().atMost(Duration.ofSeconds(90)).until(() -> offsetsReceived(received).size() == 2 * RECORDS);
        List<Long> offsets = offsetsReceived(received);
        List<Long> once = LongStream.range(0, RECORDS).boxed().toList();
        assertThat(offsets.subList(0, RECORDS)).isEqualTo(once);
        assertThat(offsets.subList(RECORDS, 2 * RECORDS)).isEqualTo(once);
        await().atMost(Duration.ofSeconds(60)).until(() -> String.valueOf(console.text("#lag-counters"))
                .endsWith("committed " + 2 * RECORDS));
        assertThat(offsetsReceived(received)).hasSize(2 * RECORDS);
    }

    /** The alert's "Reset offsets" button (the dialog's own button has the same text but sits in no DialogPane). */
    private static boolean isConfirmButton(Node node) {
        return node instanceof Button button && "Reset offsets".equals(button.getText())
                && node.getScene() != null && node.getScene().getRoot() instanceof DialogPane;
    }

    /** The offsets of every record in every event the function received, in the order received. */
    private static List<Long> offsetsReceived(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        Matcher m = OFFSET.matcher(Files.readString(file, StandardCharsets.UTF_8));
        List<Long> offsets = new ArrayList<>();
        while (m.find()) {
            offsets.add(Long.parseLong(m.group(1)));
        }
        return offsets;
    }

    private EventSourceMapping createTrigger(Path received) {
        var engine = console.engine();
        engine.topics().createTopic("it-reset", 1);
        // The event is compact JSON on stdin; append it and a line break, and answer with nothing but a success.
        engine.functions().register(new FunctionDefinition("reset-fn", new CommandTarget(List.of("sh", "-c",
                "cat >> '" + received + "'; echo >> '" + received + "'; echo '{}'"), null, Map.of()),
                Duration.ofSeconds(10), engine.config().region(), engine.config().accountId()));
        KafkaCluster sandbox = engine.clusters().list().get(0);
        EventSourceMapping created = engine.mappings().create(CreateEventSourceMappingRequest.builder()
                .functionName("reset-fn").eventSourceArn(sandbox.clusterArn()).topics(List.of("it-reset"))
                .startingPosition("TRIM_HORIZON").batchSize(10).enabled(true).build());
        await().atMost(Duration.ofSeconds(60)).until(() -> engine.mappings().get(created.uuid()).state() == MappingState.ENABLED);
        return created;
    }
}
