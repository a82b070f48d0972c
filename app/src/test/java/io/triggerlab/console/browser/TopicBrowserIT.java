package io.triggerlab.console.browser;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.inspector.RecordRow;
import io.triggerlab.console.shell.MainWindow;
import io.triggerlab.engine.infra.cluster.RecordQuery;
import io.triggerlab.engine.infra.cluster.StoredRecord;
import io.triggerlab.engine.infra.cluster.TestRecord;
import io.triggerlab.engine.infra.cluster.TopicInfo;
import io.triggerlab.engine.observe.history.InvocationRecord;
import javafx.scene.Parent;
import javafx.scene.Scene;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topic browser's window, headless: Read asks for the fields' range (newest first, one partition), and the
 * search finds a record by a header's value, shown with the inspector's decoded views.
 */
@ExtendWith(ApplicationExtension.class)
class TopicBrowserIT {

    private Stage stage;
    private final List<RecordQuery> asked = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::hide);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheRange_andFindsARecordByItsHeader(FxRobot robot) throws Exception {
        TopicBrowserBackend backend = new TopicBrowserBackend() {
            @Override
            public List<TopicInfo> topics() {
                return List.of(new TopicInfo("orders", 2));
            }

            @Override
            public List<StoredRecord> read(RecordQuery query) {
                asked.add(query);
                List<StoredRecord> out = new ArrayList<>();
                for (int i = 3; i >= 1; i--) {
                    out.add(new StoredRecord("orders", 1, i, Instant.parse("2026-01-31T09:30:00Z"), "CREATE_TIME",
                            utf8("k" + i), utf8("{\"n\":" + i + "}"),
                            List.of(new TestRecord.Header("trace-id", utf8("trace-" + i)))));
                }
                return out;
            }

            @Override
            public List<TriggerChoice> triggersReading(String topic) {
                return List.of();
            }

            @Override
            public InvocationRecord sendToFunction(String mappingUuid, StoredRecord record) {
                throw new AssertionError("not sent in this test");
            }
        };
        TopicBrowserViewModel vm = new TopicBrowserViewModel(backend, new BackgroundWork(Runnable::run, Runnable::run),
                ZoneOffset.UTC);
        robot.interact(() -> {
            Scene scene = new Scene((Parent) new TopicBrowserView(vm, new RecordActionsViewModel(backend,
                    new BackgroundWork(Runnable::run, Runnable::run), prefill -> { })).root(), 1024, 700);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            vm.loadTopics();
        });
        robot.clickOn("#browse-topic").write("orders");
        robot.clickOn("#browse-partition").write("1");
        robot.clickOn("#browse-read");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(asked).singleElement().isEqualTo(new RecordQuery("orders", 1, null, null, true, 100));
        TableView<RecordRow> records = robot.lookup("#browse-records").queryTableView();
        assertThat(records.getItems()).hasSize(3);

        robot.clickOn("#browse-search").write("trace-2");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(records.getItems()).singleElement().satisfies(r -> assertThat(r.offset()).isEqualTo(2));
        assertThat(robot.lookup("#browse-summary").queryLabeled().getText())
                .isEqualTo("1 of 3 records contain \"trace-2\" in a key, value or header.");

        robot.interact(() -> records.getSelectionModel().select(0));
        TextInputControl value = robot.lookup("#browse-value").queryAs(TextInputControl.class);
        assertThat(value.getText()).isEqualTo("{\n  \"n\" : 2\n}");
        assertThat(robot.lookup("#browse-value-size").queryLabeled().getText()).isEqualTo("7 bytes · JSON object");
    }
}
