package io.triggerlab.console.workflow;

import io.triggerlab.console.demo.DemoSetup;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console at its smallest supported size, 1024×700, with the demo's triggers: the main window on a trigger with
 * an invocation open in the inspector, each of the trigger page's tabs, the wizard and the producer. No label, button
 * or tab may show its text cut short, no control may be cut off by an edge; the trigger list gives way and the
 * invocation table keeps at least four rows in view.
 */
class LayoutAt1024IT extends ConsoleOnEngine {

    @Test
    void noScreenCutsItsLabelsAt1024x700(FxRobot robot) throws Exception {
        open(robot);
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
        snapshot(stage, "main-window-full.png");
        List<String> ellipsized = console.ellipsizedAt1024x700();
        snapshot(stage, "main-window-1024.png");
        assertThat(ellipsized).as("main window, Invocations").isEmpty();
        assertThat(console.clippedAt1024x700()).as("main window, Invocations").isEmpty();
        assertThat(width(robot, "#trigger-list")).as("the trigger list gives way to the page").isLessThanOrEqualTo(240);
        assertThat(visibleRows(robot, "#invocation-table")).as("invocation rows in view").isGreaterThanOrEqualTo(4);

        TabPane tabs = robot.lookup("#trigger-tabs").queryAs(TabPane.class);
        for (Tab tab : ConsoleDriver.onFx(() -> java.util.List.copyOf(tabs.getTabs()))) {
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            List<String> cut = console.ellipsizedAt1024x700();
            snapshot(stage, tab.getId() + "-1024.png");
            assertThat(cut).as("tab %s", tab.getText()).isEmpty();
            assertThat(console.clippedAt1024x700()).as("tab %s", tab.getText()).isEmpty();
        }

        fireMenuItem(robot, "menu-new-trigger");
        await().until(() -> console.windowOpen("trigger-wizard"));
        assertThat(console.ellipsizedAt1024x700()).as("wizard").isEmpty();
        assertThat(console.clippedAt1024x700()).as("wizard").isEmpty();
        snapshot(console.window("trigger-wizard"), "wizard-1024.png");
        robot.interact(() -> console.window("trigger-wizard").hide());

        fireMenuItem(robot, "menu-produce");
        await().until(() -> console.windowOpen("producer"));
        assertThat(console.ellipsizedAt1024x700()).as("producer").isEmpty();
        assertThat(console.clippedAt1024x700()).as("producer").isEmpty();
        robot.interact(() -> console.window("producer").hide());
    }

    private static double width(FxRobot robot, String query) throws Exception {
        javafx.scene.Node node = robot.lookup(query).query();
        return ConsoleDriver.onFx(() -> node.getLayoutBounds().getWidth());
    }

    /** How many rows of the table's height are for rows: its height less the column headers, in rows. */
    private static int visibleRows(FxRobot robot, String query) throws Exception {
        TableView<?> table = robot.lookup(query).queryTableView();
        return ConsoleDriver.onFx(() -> {
            javafx.scene.Node header = table.lookup(".column-header-background");
            javafx.scene.Node row = table.lookup(".table-row-cell");
            double rowHeight = row.getLayoutBounds().getHeight();
            return (int) ((table.getHeight() - header.getLayoutBounds().getHeight()) / rowHeight);
        });
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
