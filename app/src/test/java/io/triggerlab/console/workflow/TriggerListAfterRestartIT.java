package io.triggerlab.console.workflow;

import io.triggerlab.engine.Engine;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trigger list's badge after a real engine restart: the new engine loads the saved trigger as "Enabling…" and
 * enables it while the list loads; once the engine says Enabled the list must say so too (it showed "Enabling…" for
 * over a minute while the trigger page said Enabled).
 */
class TriggerListAfterRestartIT extends RealConsoleIT {

    @Start
    void start(Stage stage) {
        useStage(stage);
    }

    /** The list follows the engine's events: a moment, not a poll interval. */
    private static final Duration BADGE_FOLLOWS = Duration.ofSeconds(5);

    @Test
    void listBadgeFollowsTheRestartedEngine(FxRobot robot) throws Exception {
        openConsole(robot);
        EventSourceMapping trigger = createTrigger(console.engine());
        await().atMost(BADGE_FOLLOWS).until(() -> "Enabled".equals(listBadge(robot, trigger.uuid())));

        Engine restarted = console.restartEngine();

        assertThat(restarted.mappings().get(trigger.uuid())).as("the trigger survives the restart").isNotNull();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> restarted.mappings().get(trigger.uuid()).state() == MappingState.ENABLED);
        await().atMost(BADGE_FOLLOWS).until(() -> "Enabled".equals(listBadge(robot, trigger.uuid())));
        robot.clickOn("#trigger-" + trigger.uuid());
        await().atMost(BADGE_FOLLOWS).until(() -> "Enabled".equals(console.text("#trigger-badge")));
        assertThat(listBadge(robot, trigger.uuid())).isEqualTo(console.text("#trigger-badge"));
    }

    private static String listBadge(FxRobot robot, String uuid) throws Exception {
        return robot.lookup("#trigger-" + uuid + " .state-badge").tryQueryAs(Label.class)
                .map(badge -> {
                    try {
                        return ConsoleDriver.onFx(badge::getText);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).orElse(null);
    }

    private static EventSourceMapping createTrigger(Engine engine) {
        engine.topics().createTopic("it-restart", 1);
        engine.functions().register(new FunctionDefinition("restart-fn", new CommandTarget(List.of("sh", "-c",
                "cat > /dev/null; echo '{}'"), null, Map.of()),
                Duration.ofSeconds(10), engine.config().region(), engine.config().accountId()));
        KafkaCluster sandbox = engine.clusters().list().get(0);
        EventSourceMapping created = engine.mappings().create(CreateEventSourceMappingRequest.builder()
                .functionName("restart-fn").eventSourceArn(sandbox.clusterArn()).topics(List.of("it-restart"))
                .startingPosition("TRIM_HORIZON").batchSize(10).enabled(true).build());
        await().atMost(Duration.ofSeconds(60)).until(() -> engine.mappings().get(created.uuid()).state() == MappingState.ENABLED);
        return created;
    }
}
