package io.triggerlab.console.workflow;

import io.triggerlab.console.wiring.ConsoleComposition;
import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;

/** Opens the real console over a real engine for TestFX tests, and reads its nodes on the FX thread. */
final class ConsoleDriver implements AutoCloseable {

    static final Duration ENGINE_START = Duration.ofMinutes(2);

    private final FxRobot robot;
    private final Stage stage;
    private final AtomicReference<Engine> engine = new AtomicReference<>();
    private ConsoleComposition composition;

    ConsoleDriver(FxRobot robot, Stage stage) {
        this.robot = robot;
        this.stage = stage;
    }

    /** Opens the console on a sandbox engine in {@code dataDir} and waits until the engine runs. */
    ConsoleDriver open(Path dataDir) throws Exception {
        return openHeld(dataDir, new CountDownLatch(0)).awaitRunning();
    }

    /**
     * Opens the console on a sandbox engine in {@code dataDir} whose start waits until {@code engineMayStart} opens,
     * so a test sees what the console shows before the engine runs; {@link #awaitRunning()} after opening it.
     */
    ConsoleDriver openHeld(Path dataDir, CountDownLatch engineMayStart) {
        composition = new ConsoleComposition(EngineConfig.defaults(dataDir).withApiPort(0), config -> {
            try {
                engineMayStart.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted before the engine started", e);
            }
            Engine started = Engine.start(config);
            engine.set(started);
            return started;
        }, Platform::runLater, () -> { });
        robot.interact(() -> composition.start(stage));
        return this;
    }

    /** Waits until the engine runs and its trigger list is shown. */
    ConsoleDriver awaitRunning() {
        await().atMost(ENGINE_START).until(() -> "Running".equals(text("#engine-state")));
        await().until(() -> robot.lookup("#trigger-list").tryQuery().isPresent());
        return this;
    }

    /**
     * Resizes the main window to 1024×700, lays it (and every open window) out, and lists each label, button or tab
     * that shows its text cut short.
     */
    List<String> ellipsizedAt1024x700() throws Exception {
        return checkedAt1024x700(io.triggerlab.console.layout.Ellipsis::in);
    }

    /** Like {@link #ellipsizedAt1024x700()}, for controls cut off by the window's or a pane's edge. */
    List<String> clippedAt1024x700() throws Exception {
        return checkedAt1024x700(io.triggerlab.console.layout.Clipping::in);
    }

    private List<String> checkedAt1024x700(Function<Parent, List<String>> check) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> {
            List<String> cut = new ArrayList<>();
            for (Window w : robot.listWindows()) {
                if (w.isShowing() && w.getScene() != null) {
                    w.getScene().getRoot().applyCss();
                    w.getScene().getRoot().layout();
                    cut.addAll(check.apply(w.getScene().getRoot()));
                }
            }
            return cut;
        });
    }

    /**
     * Restarts the engine the way Settings › Clusters › "Restart engine" does (stop, start on the saved cluster) and
     * waits until the new engine runs.
     */
    Engine restartEngine() throws Exception {
        Engine before = engine.get();
        String cluster = text("#cluster-name");
        robot.interact(() -> composition.mainWindowViewModel().restart(cluster, true));
        await().atMost(ENGINE_START).until(() -> engine.get() != before && "Running".equals(text("#engine-state")));
        return engine.get();
    }

    Engine engine() {
        return engine.get();
    }

    Stage stage() {
        return stage;
    }

    static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    String text(String query) throws Exception {
        Optional<Node> node = robot.lookup(query).tryQuery();
        if (node.isEmpty()) {
            return null;
        }
        Node n = node.get();
        if (n instanceof Labeled) {
            return onFx(((Labeled) n)::getText);
        }
        return onFx(((TextInputControl) n)::getText);
    }

    /** Replaces a text field's text on the FX thread: non-ASCII text cannot be typed through Monocle's robot. */
    void setText(String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }

    /** A combo box's value as text, or null when none is chosen. */
    String comboValue(String query) throws Exception {
        javafx.scene.control.ComboBox<?> combo = robot.lookup(query).queryComboBox();
        return onFx(() -> combo.getValue() == null ? null : combo.getValue().toString());
    }

    /** Shows the trigger page's tab with this title. */
    void selectTab(String title) {
        javafx.scene.control.TabPane tabs = robot.lookup("#trigger-tabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t)));
    }

    int rows(String tableQuery) throws Exception {
        TableView<?> table = robot.lookup(tableQuery).queryAs(TableView.class);
        return onFx(() -> table.getItems().size());
    }

    /** The window whose scene root has this id (the wizard, the producer …). */
    Window window(String rootId) {
        return robot.listWindows().stream()
                .filter(w -> w.getScene() != null && rootId.equals(w.getScene().getRoot().getId()))
                .findFirst().orElseThrow(() -> new AssertionError("No open window shows #" + rootId));
    }

    boolean windowOpen(String rootId) {
        return robot.listWindows().stream()
                .anyMatch(w -> w.isShowing() && w.getScene() != null && rootId.equals(w.getScene().getRoot().getId()));
    }

    /** Writes a PNG of a window's content (no javafx-swing: pixel reader → BufferedImage → ImageIO). */
    void snapshot(Window window, Path file) {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        Parent root = window.getScene().getRoot();
        robot.interact(() -> image.set(root.snapshot(null, null)));
        int width = (int) image.get().getWidth();
        int height = (int) image.get().getHeight();
        int[] argb = new int[width * height];
        image.get().getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        png.setRGB(0, 0, width, height, argb, 0, width);
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(png, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the screenshot " + file, e);
        }
    }

    @Override
    public void close() {
        if (composition != null) {
            robot.interact(composition::close);
        }
        robot.interact(() -> robot.listWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide));
        robot.interact(stage::hide);
    }
}
