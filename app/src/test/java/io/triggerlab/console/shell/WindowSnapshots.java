package io.triggerlab.console.shell;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/** Writes a PNG of a window for a person to look at, only when {@code -Dconsole.snapshotDir=DIR} is set. */
final class WindowSnapshots {

    static final String DIR_PROPERTY = "console.snapshotDir";

    private WindowSnapshots() {
    }

    static void writeIfRequested(FxRobot robot, Stage stage, String fileName) {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return;
        }
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(stage.getScene().getRoot().snapshot(null, null)));
        int width = (int) image.get().getWidth();
        int height = (int) image.get().getHeight();
        int[] argb = new int[width * height];
        image.get().getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, width, height, argb, 0, width);
        try {
            Path target = Files.createDirectories(Path.of(dir)).resolve(fileName);
            ImageIO.write(png, "png", target.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the window snapshot " + fileName + " to " + dir, e);
        }
    }
}
