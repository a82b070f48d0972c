package io.triggerlab.console.inspector;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.invocations.FakeHistory;
import io.triggerlab.console.invocations.InvocationRow;
import io.triggerlab.console.shell.MainWindow;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 6 MB event in the real inspector view, headless: it opens, is coloured to its last line, and Copy still has the
 * exact bytes sent. Prints how long opening took (read the figure; no wall-clock bound here, CI boxes vary).
 */
@ExtendWith(ApplicationExtension.class)
class LargeEventInspectorIT {

    private static final String MAPPING = "11111111-1111-1111-1111-111111111111";

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> new Thread(r, "inspector-it-work"));
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::hide);
        background.shutdownNow();
    }

    @Test
    void aSixMegabyteEvent_opensColouredToItsLastLine_andCopyKeepsTheBytesSent(FxRobot robot) throws Exception {
        String event = sixMegabyteEvent();
        FakeHistory history = new FakeHistory();
        InvocationRecord record = history.add(MAPPING, "batch-1", 1, InvocationOutcome.SUCCESS, 0, event);
        InspectorViewModel vm = new InspectorViewModel(history, new BackgroundWork(background, Platform::runLater),
                ZoneOffset.UTC);
        robot.interact(() -> {
            Scene scene = new Scene((javafx.scene.Parent) new InspectorView(vm).root(), 1400, 900);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            stage.setScene(scene);
            stage.show();
        });
        ListView<Integer> lines = robot.lookup("#inspector-event-coloured").queryListView();

        long started = System.nanoTime();
        robot.interact(() -> vm.show(InvocationRow.of(record.summary(), ZoneOffset.UTC)));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5))
                .until(() -> onFx(() -> !lines.getItems().isEmpty() && !visibleCells(lines).isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        long openedMs = (System.nanoTime() - started) / 1_000_000;

        ColouredJson shown = vm.eventColouredProperty().get();
        long cutStarted = System.nanoTime();
        ColouredJson.of(shown.text());
        long cutMs = (System.nanoTime() - cutStarted) / 1_000_000;
        System.out.printf("LargeEventInspectorIT: cutting its pretty text into lines and colour runs alone: %d ms%n", cutMs);
        System.out.printf("LargeEventInspectorIT: a %.1f MB event (%d records, %d display lines) opened in the "
                        + "inspector, coloured throughout, in %d ms%n", event.length() / 1e6, 3001,
                shown.lineCount(), openedMs);

        assertThat(event.length()).isGreaterThan(6 * 1000 * 1000);
        assertThat(vm.eventAsSent()).isEqualTo(event);
        assertThat(onFx(() -> lines.getItems().size())).isEqualTo(shown.lineCount());
        assertThat(onFx(() -> styleClassesOnScreen(lines))).contains("json-key", "json-string", "json-number");

        // The last record's headers, 6 MB in, are coloured like the first lines.
        robot.interact(() -> lines.scrollTo(shown.lineCount() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> styleClassesOnScreen(lines))).contains("json-key", "json-string", "json-number");
        assertThat(onFx(() -> textOnScreen(lines))).contains("\"customer\" : [ 90, 111, -61, -85 ]");

        // Half-way through the one huge value: its wrapped pieces are still a green string.
        int middleOfHugeValue = lastContinuation(shown) - 5000;
        robot.interact(() -> lines.scrollTo(middleOfHugeValue));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> styleClassesOnScreen(lines))).contains("json-string", "json-gutter")
                .doesNotContain("json-key");
    }

    /** 3,000 records with 1 KB values, then one record with a 1 MB value (one long base64 line when pretty). */
    private static String sixMegabyteEvent() {
        StringBuilder json = new StringBuilder("{\"eventSource\":\"aws:kafka\",\"eventSourceArn\":\"arn:aws:kafka:"
                + "us-east-1:000000000000:cluster/triggerlab-sandbox/abc\",\"bootstrapServers\":\"127.0.0.1:9092\","
                + "\"records\":{\"orders-0\":[");
        Base64.Encoder base64 = Base64.getEncoder();
        for (int offset = 0; offset <= 3000; offset++) {
            int size = offset == 3000 ? 1024 * 1024 : 1024;
            String value = "{\"orderId\":" + offset + ",\"note\":\"" + "x".repeat(size - 30) + "\"}";
            json.append(offset == 0 ? "" : ",").append("{\"topic\":\"orders\",\"partition\":0,\"offset\":")
                    .append(offset).append(",\"timestamp\":1769851800000,\"timestampType\":\"CREATE_TIME\",\"key\":\"")
                    .append(base64.encodeToString(("order-" + offset).getBytes(StandardCharsets.UTF_8)))
                    .append("\",\"value\":\"").append(base64.encodeToString(value.getBytes(StandardCharsets.UTF_8)))
                    .append("\",\"headers\":[{\"customer\":[90,111,-61,-85]}]}");
        }
        return json.append("]}}").toString();
    }

    private static int lastContinuation(ColouredJson json) {
        for (int i = json.lineCount() - 1; i >= 0; i--) {
            if (json.isContinuation(i)) {
                return i;
            }
        }
        throw new AssertionError("The 1 MB value was not wrapped");
    }

    private static List<ListCell<?>> visibleCells(ListView<Integer> list) {
        return list.lookupAll(".json-line").stream().map(n -> (ListCell<?>) n)
                .filter(c -> c.isVisible() && !c.isEmpty() && c.getGraphic() != null).collect(Collectors.toList());
    }

    private static Set<String> styleClassesOnScreen(ListView<Integer> list) {
        return visibleCells(list).stream().flatMap(c -> ((javafx.scene.layout.HBox) c.getGraphic()).getChildren().stream())
                .flatMap(n -> n.getStyleClass().stream()).collect(Collectors.toSet());
    }

    private static String textOnScreen(ListView<Integer> list) {
        return visibleCells(list).stream().map(c -> ((javafx.scene.layout.HBox) c.getGraphic()).getChildren().stream()
                .map(n -> ((Text) n).getText()).collect(Collectors.joining())).collect(Collectors.joining("\n"));
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
