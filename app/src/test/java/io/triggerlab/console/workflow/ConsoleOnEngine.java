package io.triggerlab.console.workflow;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;

/**
 * A workflow test's frame: the real console over a real sandbox engine in a fresh data directory, on the stage TestFX
 * gives, closed after each test. Subclasses open it with {@link #open(FxRobot)} and drive it through {@link #console}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class ConsoleOnEngine {

    @TempDir
    Path dataDir;

    Stage stage;
    ConsoleDriver console;

    @AfterEach
    void closeConsole() {
        if (console != null) {
            console.close();
        }
    }

    /** Opens the console on a sandbox engine in {@link #dataDir} and waits until the engine runs. */
    ConsoleDriver open(FxRobot robot) throws Exception {
        // TestFX's primary stage, which a @Start method would be given (TestFX looks for @Start in the test class only).
        stage = FxToolkit.registerPrimaryStage();
        console = new ConsoleDriver(robot, stage).open(dataDir);
        return console;
    }

    /** With {@code -Dconsole.snapshotDir=DIR}, a PNG of the main window, to look at the views. */
    void snapshot(String name) {
        String dir = System.getProperty("console.snapshotDir", "");
        if (!dir.isBlank()) {
            console.snapshot(stage, Path.of(dir, name));
        }
    }
}
