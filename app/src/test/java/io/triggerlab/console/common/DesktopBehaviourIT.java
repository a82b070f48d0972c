package io.triggerlab.console.common;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.producer.ProducerView;
import io.triggerlab.console.producer.FixedTopics;
import io.triggerlab.console.producer.ProducerViewModel;
import io.triggerlab.console.shell.MainWindow;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Desktop manners, headless: a destructive confirmation answers Enter with Cancel; a console dialog closes on Escape
 * and with its Close button; the producer refuses a JSON value with trailing content before Send.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopBehaviourIT {

    private Stage stage;

    @Start
    void start(Stage primary) {
        // An owner window of its own: TestFX hands every test class the same primary stage, and a stage keeps the
        // size it was shown at, so a small owner here would shrink the next class's console window.
        this.stage = new Stage();
        stage.setScene(new Scene(new Label("owner"), 300, 200));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> robot.listWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide));
        robot.interact(stage::hide);
    }

    @Test
    void enterOnADestructiveConfirmation_cancels(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(Dialogs.confirm(stage.getScene().getRoot(), "Delete trigger orders?",
                "Its history goes too.", "Delete trigger")));
        await().until(() -> robot.lookup("Delete trigger").tryQuery().isPresent());
        Button delete = robot.lookup("Delete trigger").queryButton();
        assertThat(delete.isDefaultButton()).isFalse();

        robot.type(KeyCode.ENTER);

        assertThat(answer.get(10, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void theProducer_closesOnEscapeAndWithClose_andRefusesTrailingContentInJsonMode(FxRobot robot) {
        ProducerViewModel vm = new ProducerViewModel(new FixedTopics("orders", 1), (topic, records) -> List.of(),
                new BackgroundWork(new QueuedExecutor(), Runnable::run), new QueuedExecutor(), io.triggerlab.console.producer.Pacer.system());
        Stage producer = open(robot, new ProducerView(vm).root());
        robot.clickOn("#produce-value").write("{\"orderId\": 1},oops");
        assertThat(robot.lookup("#produce-value-problem").queryLabeled().getText())
                .startsWith("Not JSON: 5 more bytes follow the JSON document");
        assertThat(robot.lookup("#produce-send").queryButton().isDisabled()).isTrue();

        robot.type(KeyCode.ESCAPE);
        await().atMost(Duration.ofSeconds(10)).until(() -> !producer.isShowing());

        Stage again = open(robot, new ProducerView(vm).root());
        robot.clickOn("#produce-close");
        await().atMost(Duration.ofSeconds(10)).until(() -> !again.isShowing());
    }

    private Stage open(FxRobot robot, Parent root) {
        Stage[] dialog = new Stage[1];
        robot.interact(() -> {
            dialog[0] = DialogKeys.closeOnEscape(new Stage());
            dialog[0].initOwner(stage);
            Scene scene = new Scene(root, 640, 620);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            dialog[0].setScene(scene);
            dialog[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return dialog[0];
    }
}
