package io.triggerlab.console.workflow;

import io.triggerlab.console.demo.DemoSetup;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console at its smallest supported size, 1024×700, with the demo's triggers: the main window on a trigger with
 * an invocation open in the inspector, each of the trigger page's tabs, the wizard and the producer. No label, button
 * or tab may show its text cut short.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutAt1024IT {

    @TempDir
    Path dataDir;

    private Stage stage;
    private ConsoleDriver console;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void noScreenCutsItsLabelsAt1024x700(FxRobot robot) throws Exception {
        console = new ConsoleDriver(robot, stage).open(dataDir);
        fireMenuItem(robot, "menu-demo");
        await().atMost(Duration.ofMinutes(1)).until(() -> console.engine().mappings().all().size() == 4);
        EventSourceMapping orders = console.engine().mappings().all().stream()
                .filter(m -> m.topic().equals(DemoSetup.ORDERS_TOPIC)).findFirst().orElseThrow();
        await().until(() -> robot.lookup("#trigger-" + orders.uuid()).tryQuery().isPresent());
        robot.clickOn("#trigger-" + orders.uuid());
        await().atMost(Duration.ofMinutes(1)).until(() -> console.rows("#invocation-table") >= 1);
        TableView<?> table = robot.lookup("#invocation-table").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(0));
        await().until(() -> !console.text("#inspector-title").isEmpty());
        assertThat(console.ellipsizedAt1024x700()).as("main window, Invocations").isEmpty();
        snapshot(stage, "main-window-1024.png");

        TabPane tabs = robot.lookup("#trigger-tabs").queryAs(TabPane.class);
        for (Tab tab : ConsoleDriver.onFx(() -> java.util.List.copyOf(tabs.getTabs()))) {
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            assertThat(console.ellipsizedAt1024x700()).as("tab %s", tab.getText()).isEmpty();
        }

        fireMenuItem(robot, "menu-new-trigger");
        await().until(() -> console.windowOpen("trigger-wizard"));
        assertThat(console.ellipsizedAt1024x700()).as("wizard").isEmpty();
        snapshot(console.window("trigger-wizard"), "wizard-1024.png");
        robot.interact(() -> console.window("trigger-wizard").hide());

        fireMenuItem(robot, "menu-produce");
        await().until(() -> console.windowOpen("producer"));
        assertThat(console.ellipsizedAt1024x700()).as("producer").isEmpty();
        robot.interact(() -> console.window("producer").hide());
    }

    /** With -Dconsole.snapshotDir=DIR, a PNG of what was checked, to look at. */
    private void snapshot(javafx.stage.Window window, String name) {
        String dir = System.getProperty("console.snapshotDir", "");
        if (!dir.isBlank()) {
            console.snapshot(window, Path.of(dir).resolve(name));
        }
    }

    private static void fireMenuItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        robot.interact(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId())).findFirst().ifPresent(MenuItem::fire));
    }
}
