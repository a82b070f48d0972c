package io.triggerlab.console.inspector;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.invocations.FakeHistory;
import io.triggerlab.console.invocations.InvocationRow;
import io.triggerlab.console.shell.MainWindow;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real inspector view, headless, on a record whose value is JSON followed by garbage: the value pane shows the text
 * as it is with a marker saying why it is not JSON and where, the hex dump beside it and its size; a binary header
 * opens in the Header pane as hex with its own marker.
 */
@ExtendWith(ApplicationExtension.class)
class InspectorBytesIT {

    private static final String VALUE = "{\"orderId\": 1, \"item\": \"kettle\"},oops";
    private static final String EVENT = "{\"eventSource\":\"aws:kafka\",\"records\":{\"orders-0\":[{\"topic\":\"orders\","
            + "\"partition\":0,\"offset\":7,\"timestamp\":1769851800000,\"timestampType\":\"CREATE_TIME\",\"key\":\""
            + b64("k1") + "\",\"value\":\"" + b64(VALUE) + "\",\"headers\":[{\"blob\":[-1,0,65]}]}]}}";

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::hide);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void trailingGarbage_isShownAsText_withAMarker_hexBeside_andSize(FxRobot robot) throws Exception {
        FakeHistory history = new FakeHistory();
        InvocationRecord record = history.add("m", "batch-1", 1, InvocationOutcome.SUCCESS, 7, EVENT);
        InspectorViewModel vm = new InspectorViewModel(history, new BackgroundWork(Runnable::run, Runnable::run),
                ZoneOffset.UTC);
        robot.interact(() -> {
            Scene scene = new Scene((Parent) new InspectorView(vm).root(), 1024, 700);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            vm.show(InvocationRow.of(record.summary(), ZoneOffset.UTC));
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#inspector-value")).isEqualTo(VALUE);
        assertThat(label(robot, "#inspector-value-marker")).isEqualTo("Not JSON: 5 more bytes follow the JSON "
                + "document at byte 32 (line 1, column 33): ,oops. Shown as UTF-8 text.");
        assertThat(visible(robot, "#inspector-value-marker")).isTrue();
        assertThat(label(robot, "#inspector-value-size")).isEqualTo("37 bytes · UTF-8 text");
        assertThat(text(robot, "#inspector-value-hex")).endsWith("00000020  2c 6f 6f 70 73                                    |,oops|\n");
        TableView<RecordRow> records = robot.lookup("#inspector-records").queryTableView();
        assertThat(onFx(() -> records.getItems().get(0).valuePreview(ValueMode.JSON))).startsWith("⚠ not JSON: {");

        TabPane detail = robot.lookup("#record-detail").queryAs(TabPane.class);
        assertThat(onFx(() -> detail.getTabs().get(2).getText())).isEqualTo("Headers (1)");
        robot.interact(() -> detail.getSelectionModel().select(2));
        robot.clickOn("#inspector-headers .table-row-cell");
        assertThat(label(robot, "#inspector-header-size")).isEqualTo("Header blob · 3 bytes · binary (not UTF-8)");
        assertThat(label(robot, "#inspector-header-marker")).startsWith("Not JSON and not UTF-8 text: byte 0 (0xff)");
        assertThat(text(robot, "#inspector-header")).isEqualTo("ff 00 41");
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private static String text(FxRobot robot, String query) throws Exception {
        TextInputControl area = robot.lookup(query).queryAs(TextInputControl.class);
        return onFx(area::getText);
    }

    private static String label(FxRobot robot, String query) throws Exception {
        Labeled labeled = robot.lookup(query).queryLabeled();
        return onFx(labeled::getText);
    }

    private static boolean visible(FxRobot robot, String query) throws Exception {
        Node node = robot.lookup(query).query();
        return onFx(node::isVisible);
    }
}
