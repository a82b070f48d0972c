package io.triggerlab.console.workflow;

import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;

/** What a headless test of the real console over a real engine shares: its data directory, stage and driver. */
@ExtendWith(ApplicationExtension.class)
abstract class RealConsoleIT {

    @TempDir
    Path dataDir;

    Stage stage;
    ConsoleDriver console;

    /** Call from the subclass's {@code @Start} method: TestFX looks for it on the test class itself. */
    void useStage(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeConsole() {
        if (console != null) {
            console.close();
        }
    }

    /** Opens the console over a sandbox engine in the test's data directory and waits until it runs. */
    ConsoleDriver openConsole(FxRobot robot) throws Exception {
        console = new ConsoleDriver(robot, stage).open(dataDir);
        return console;
    }

    static void fireMenuItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        robot.interact(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId())).findFirst().ifPresent(MenuItem::fire));
    }
}
