package io.triggerlab.console.workflow;

import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static io.triggerlab.console.workflow.TriggerListAfterRestartIT.createTrigger;
import static io.triggerlab.console.workflow.TriggerListAfterRestartIT.listBadge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19.7: the triggers saved in the data directory are in the list while the engine (and its broker) still
 * starts, badged "Starting engine…", and the running engine's live states replace them. The engine's start is held
 * on a latch, so "before the engine runs" is a condition, not a race.
 */
class SavedTriggersAtStartIT extends RealConsoleIT {

    @Start
    void start(Stage stage) {
        useStage(stage);
    }

    @Test
    void savedTriggersShowWhileTheEngineStartsThenTheirLiveState(FxRobot robot) throws Exception {
        EventSourceMapping saved;
        try (Engine before = Engine.start(EngineConfig.defaults(dataDir).withApiPort(0))) {
            saved = createTrigger(before);
        }
        CountDownLatch engineMayStart = new CountDownLatch(1);
        console = new ConsoleDriver(robot, stage).openHeld(dataDir, engineMayStart);
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "Starting engine…".equals(listBadge(robot, saved.uuid())));
            assertThat(console.text("#engine-state")).as("the engine is held before its start").isNotEqualTo("Running");
            assertThat(console.text("#trigger-" + saved.uuid() + " .trigger-function")).isEqualTo("restart-fn");
        } finally {
            engineMayStart.countDown();
        }

        console.awaitRunning();
        await().atMost(Duration.ofSeconds(60)).until(() -> "Enabled".equals(listBadge(robot, saved.uuid())));
    }
}
