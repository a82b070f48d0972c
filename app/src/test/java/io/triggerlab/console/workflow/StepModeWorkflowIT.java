package io.triggerlab.console.workflow;

import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.cluster.TestRecord;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Step mode from the console, headless over a real engine and its embedded broker: with the switch on, three records
 * wait at the poller, and each "Deliver next batch" click brings exactly one batch (BatchSize 1) to the function, which
 * counts its own invocations in a file; turning step mode off lets the rest go.
 */
class StepModeWorkflowIT extends ConsoleOnEngine {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void eachDeliverNextBatchClickDeliversExactlyOneBatch(FxRobot robot) throws Exception {
        open(robot);
        Path calls = dataDir.resolve("calls.txt");
        EventSourceMapping mapping = createTrigger(calls);
        await().until(() -> robot.lookup("#trigger-" + mapping.uuid()).tryQuery().isPresent());
        robot.clickOn("#trigger-" + mapping.uuid());
        await().until(() -> "Enabled".equals(console.text("#trigger-badge")));
        assertThat(console.text("#step-extra")).isEqualTo("TriggerLab extra — AWS has no step mode");
        await().until(() -> console.text("#step-status").startsWith("Off"));

        robot.clickOn("#step-toggle");
        await().until(() -> console.text("#step-status").startsWith("On: the next batch will wait"));
        console.engine().producer().send("it-step", List.of(record(1), record(2), record(3)));

        await().atMost(WAIT).until(() -> console.text("#step-status").startsWith("A batch is waiting"));
        assertThat(invocations(calls)).isZero();

        for (int click = 1; click <= 2; click++) {
            robot.clickOn("#step-deliver-next");
            int expected = click;
            await().atMost(WAIT).until(() -> invocations(calls) == expected);
            // The poller holds the next batch again, with the click used up: nothing more reaches the function.
            await().atMost(WAIT).until(() -> console.engine().stepMode().status(mapping.uuid()).batchWaiting()
                    && console.engine().stepMode().status(mapping.uuid()).deliveriesGranted() == 0);
            await().until(() -> console.text("#step-status").startsWith("A batch is waiting"));
            assertThat(invocations(calls)).isEqualTo(expected);
        }

        robot.clickOn("#step-toggle");
        await().atMost(WAIT).until(() -> invocations(calls) == 3);
        await().until(() -> console.text("#step-status").startsWith("Off"));
        assertThat(console.engine().stepMode().status(mapping.uuid()).enabled()).isFalse();
    }

    /** A command function that appends a line per invocation to {@code calls}, and a trigger of BatchSize 1. */
    private EventSourceMapping createTrigger(Path calls) {
        var engine = console.engine();
        engine.topics().createTopic("it-step", 1);
        CommandTarget counting = new CommandTarget(List.of("sh", "-c", "cat > /dev/null; echo x >> \"$0\"; echo '{}'",
                calls.toString()), null, Map.of());
        engine.functions().register(new FunctionDefinition("step-fn", counting, Duration.ofSeconds(10),
                engine.config().region(), engine.config().accountId()));
        KafkaCluster sandbox = engine.clusters().list().get(0);
        EventSourceMapping created = engine.mappings().create(CreateEventSourceMappingRequest.builder()
                .functionName("step-fn").eventSourceArn(sandbox.clusterArn()).topics(List.of("it-step"))
                .startingPosition("TRIM_HORIZON").batchSize(1).enabled(true).build());
        await().atMost(WAIT).until(() -> engine.mappings().get(created.uuid()).state() == MappingState.ENABLED);
        return created;
    }

    private static TestRecord record(int n) {
        return new TestRecord(null, null, ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8), List.of());
    }

    private static long invocations(Path calls) {
        try {
            return Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
