package io.triggerlab.console.shell;

import io.triggerlab.console.wiring.ConsoleComposition;
import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.infra.store.DataDirectory;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The real main window over a real engine (embedded Kafka broker, H2) in a temp data directory, headless under
 * Monocle. Set {@code -Dconsole.snapshotDir=DIR} to also write PNGs of what the window looked like.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowIT {

    /** A broker start takes 3–5 s; a busy 2-core CI box may take several times that. */
    private static final Duration ENGINE_START = Duration.ofMinutes(2);

    @TempDir
    Path dataDir;

    private Stage stage;
    private ConsoleComposition composition;
    private final AtomicReference<Engine> engine = new AtomicReference<>();
    private final AtomicInteger exits = new AtomicInteger();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeConsole(FxRobot robot) {
        if (composition != null) {
            robot.interact(composition::close);
        }
        robot.interact(stage::hide);
    }

    private void openConsole(FxRobot robot, Function<EngineConfig, Engine> engineFactory) {
        composition = new ConsoleComposition(EngineConfig.defaults(dataDir).withApiPort(0), engineFactory,
                Platform::runLater, exits::incrementAndGet);
        robot.interact(() -> composition.start(stage));
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private static String text(FxRobot robot, String query) throws Exception {
        Labeled labeled = robot.lookup(query).queryLabeled();
        return onFx(labeled::getText);
    }

    private static boolean shown(FxRobot robot, String query) throws Exception {
        Node node = robot.lookup(query).query();
        return onFx(() -> node.isVisible() && node.getScene() != null);
    }

    @Test
    void showsTheSandboxBrokersRealAddress_onceTheEngineRuns_andStopsItOnClose(FxRobot robot) throws Exception {
        openConsole(robot, config -> {
            Engine started = Engine.start(config);
            engine.set(started);
            return started;
        });

        assertThat(text(robot, "#busy-message")).isEqualTo("Starting the embedded Kafka broker…");
        assertThat(shown(robot, "#busy-pane")).isTrue();
        WindowSnapshots.writeIfRequested(robot, stage, "main-window-starting.png");

        await().atMost(ENGINE_START).until(() -> !text(robot, "#engine-state").equals("Starting"));
        assertThat(text(robot, "#engine-state")).as(text(robot, "#error-message")).isEqualTo("Running");

        String address = engine.get().bootstrapServers();
        assertThat(address).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(text(robot, "#bootstrap-servers")).isEqualTo(address);
        assertThat(text(robot, "#cluster-name")).isEqualTo("Embedded sandbox");
        StatusBar status = robot.lookup("#status-bar").queryAs(StatusBar.class);
        assertThat(onFx(status::getText)).isEqualTo("Engine running · Embedded sandbox at " + address);
        assertThat(shown(robot, "#busy-pane")).isFalse();
        assertThat(robot.lookup("No triggers yet").tryQuery()).isPresent();
        WindowSnapshots.writeIfRequested(robot, stage, "main-window-running.png");

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

        await().atMost(ENGINE_START).untilAtomic(exits, equalTo(1));
        assertThat(text(robot, "#engine-state")).isEqualTo("Stopped");
        try (DataDirectory reopened = DataDirectory.open(dataDir)) {
            assertThat(reopened.root()).as("the stopped engine released its data directory").isEqualTo(dataDir);
        }
    }

    @Test
    void showsWhyTheEngineCannotStart_whenTheDataDirectoryIsInUse(FxRobot robot) throws Exception {
        try (DataDirectory heldByAnotherEngine = DataDirectory.open(dataDir)) {
            openConsole(robot, Engine::start);

            await().atMost(ENGINE_START).until(() -> !text(robot, "#engine-state").equals("Starting"));
            assertThat(text(robot, "#engine-state")).isEqualTo("Failed");

            assertThat(text(robot, "#error-message"))
                    .startsWith("The TriggerLab data directory " + dataDir + " is in use by another TriggerLab process.")
                    .doesNotContain("Exception", "\tat ");
            assertThat(shown(robot, "#error-pane")).isTrue();
            assertThat(shown(robot, "#busy-pane")).isFalse();
            assertThat(text(robot, "#bootstrap-servers")).isEmpty();
            WindowSnapshots.writeIfRequested(robot, stage, "main-window-failed.png");
        }
    }
}
